package io.vaultpki.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The bench reading the monitor application's own {@code /metrics}: one plain scrape, and a series' value in it. */
final class MonitorScrape {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MonitorScrape() {
    }

    /** Completed refreshes, from the monitor's own histogram; NaN when the scrape failed. */
    static double refreshCount(URI metrics) {
        return value(metrics, "vault_pki_refresh_duration_seconds_count");
    }

    /**
     * The sum of every sample of the series {@code name} (all label sets; a name ending in {@code {} matches only
     * labelled samples); NaN when the scrape failed or has no such sample.
     */
    static double value(URI metrics, String name) {
        double[] samples = text(metrics).lines()
                .filter(l -> l.startsWith(name) && (name.endsWith("{") || l.charAt(name.length()) == ' '
                        || l.charAt(name.length()) == '{'))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toArray();
        double sum = 0;
        for (double sample : samples) {
            sum += sample;
        }
        return samples.length == 0 ? Double.NaN : sum;
    }

    /** One scrape as plain text; empty when it did not answer 200 within 30 s. */
    static String text(URI metrics) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}

package io.vaultpki.monitor.metrics.exposition;

import java.util.Locale;

/**
 * What a scraper asked for: OpenMetrics when its {@code Accept} lists {@code application/openmetrics-text} with a
 * non-zero weight (Prometheus does, ahead of the text format), else the Prometheus text format; gzip when its
 * {@code Accept-Encoding} allows gzip (Prometheus always sends {@code Accept-Encoding: gzip}), else the text as is.
 * Malformed entries are skipped, never an error: a scrape always gets an answer.
 *
 * @param format the exposition format to answer in
 * @param gzip   whether to answer with {@code Content-Encoding: gzip}
 */
public record Negotiation(ExpositionFormat format, boolean gzip) {

    private static final String OPENMETRICS = "application/openmetrics-text";

    /** The answer to these headers; either may be absent ({@code null}). */
    public static Negotiation of(String accept, String acceptEncoding) {
        return new Negotiation(openMetrics(accept) ? ExpositionFormat.OPENMETRICS : ExpositionFormat.PROMETHEUS_TEXT,
                gzip(acceptEncoding));
    }

    private static boolean openMetrics(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals(OPENMETRICS) && weight(range) > 0) {
                return true;
            }
        }
        return false;
    }

    /** RFC 9110 §12.5.3: gzip (or its alias x-gzip) or {@code *} with a non-zero weight, unless gzip is refused. */
    private static boolean gzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        double gzip = -1;
        double any = -1;
        for (String coding : acceptEncoding.split(",")) {
            String name = coding.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            double q = weight(coding);
            if (name.equals("gzip") || name.equals("x-gzip")) {
                gzip = Math.max(gzip, q);
            } else if (name.equals("*")) {
                any = Math.max(any, q);
            }
        }
        return gzip > 0 || gzip < 0 && any > 0;
    }

    /** The {@code q} parameter of one list entry: 1 when absent, 0 when unreadable or out of range. */
    static double weight(String entry) {
        String[] parameters = entry.split(";");
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(parameter.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}

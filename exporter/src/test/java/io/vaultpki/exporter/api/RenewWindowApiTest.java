package io.vaultpki.exporter.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.vaultpki.exporter.EmulatedVault;
import io.vaultpki.testkit.Await;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.vaultpki.exporter.api.CertificatesApiTest.assertProblem;
import static io.vaultpki.exporter.api.CertificatesApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Renew windows over the API of the running exporter against the emulator: a configured window, the round trip of
 * {@code renew_window} and {@code renew_window_floor} through create, read and update, where the window put the next
 * renewal, the metrics, the refusal of bad windows, and the API's renew as "rotate now".
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenewWindowApiTest implements TestPropertyProvider {

    private static final String BASE = "/api/v1/certificates";
    private static final String OPERATOR = "window-operator-token-0123456789ab";
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private EmulatedVault vault;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        vault = EmulatedVault.start("renew-window-api");
        Map<String, String> p = vault.properties();
        p.put("exporter.exports.nightly.source", "issue");
        p.put("exporter.exports.nightly.mount", "pki_int");
        p.put("exporter.exports.nightly.role", "web");
        p.put("exporter.exports.nightly.common-name", "nightly.example.com");
        p.put("exporter.exports.nightly.renew-window", "sat,sun 01:00-05:00 Europe/Berlin");
        p.put("exporter.renewal.min-issuance-interval", "1ms"); // the API may renew right after the create
        p.put("exporter.api.tokens[0].name", "operator");
        p.put("exporter.api.tokens[0].sha256", ApiTestTokens.sha256(OPERATOR));
        p.put("exporter.api.tokens[0].scopes", "read,write,keys");
        return p;
    }

    @AfterAll
    void stop() {
        vault.close();
    }

    /** A daily one-hour UTC window starting 20 h from now: after a 24 h certificate's plan (~16 h), before a 2 h floor. */
    private static String windowAfterThePlan() {
        Instant start = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES);
        return "daily " + HHMM.format(start) + "-" + HHMM.format(start.plus(Duration.ofHours(1))) + " UTC";
    }

    private static String body(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"source\":\"issue\",\"mount\":\"pki_int\",\"role\":\"web\",\"common_name\":\""
                + name + ".example.com\",\"ttl\":\"24h\"" + extra + "}";
    }

    private Map<String, Object> get(String name) {
        return json(http.toBlocking().retrieve(HttpRequest.GET(BASE + "/" + name).bearerAuth(OPERATOR)));
    }

    private HttpClientResponseException error(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> problem) {
        return (List<Map<String, Object>>) problem.get("errors");
    }

    private static Instant instant(Object text) {
        return Instant.parse(String.valueOf(text));
    }

    @Test
    void aConfiguredWindowIsShownInItsCanonicalForm() {
        Await.until("nightly issued", Duration.ofSeconds(20), () -> get("nightly").get("serial") != null);

        Map<String, Object> nightly = get("nightly");

        assertThat(nightly.get("renew_window")).isEqualTo("Sat-Sun 01:00-05:00 Europe/Berlin");
        assertThat(nightly.get("renew_window_floor")).isNull();
        assertThat(nightly.get("renew_window_decision")).isIn("waits_for_window", "inside_window",
                "floor_before_window", "under_floor");
        Instant start = instant(nightly.get("renew_window_next_start"));
        assertThat(start.atZone(java.time.ZoneId.of("Europe/Berlin")).getDayOfWeek())
                .isIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
        assertThat(instant(nightly.get("renew_window_floor_at"))).isBefore(instant(nightly.get("not_after")));
    }

    @Test
    void createReadAndUpdateRoundTripTheWindowAndShowWhereItPutTheRenewal() {
        String window = windowAfterThePlan();
        http.toBlocking().exchange(HttpRequest.POST(BASE, body("shop", ",\"renew_window\":\"" + window
                + "\",\"renew_window_floor\":\"2h\"")).bearerAuth(OPERATOR));

        Map<String, Object> shop = get("shop");
        assertThat(shop.get("renew_window")).isEqualTo(window);
        assertThat(shop.get("renew_window_floor")).isEqualTo("2h");
        assertThat(shop.get("renew_window_deferred")).isEqualTo(true);
        assertThat(shop.get("renew_window_decision")).isEqualTo("waits_for_window");
        Instant start = instant(shop.get("renew_window_next_start"));
        assertThat(instant(shop.get("renew_window_next_end"))).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(instant(shop.get("renew_at"))).isBetween(start, start.plus(Duration.ofMinutes(30)));
        assertThat(instant(shop.get("renew_window_planned_at"))).isBefore(start);
        assertThat(instant(shop.get("renew_window_floor_at")))
                .isEqualTo(instant(shop.get("not_after")).minus(Duration.ofHours(2)));

        http.toBlocking().exchange(HttpRequest.PUT(BASE + "/shop", body("shop", ",\"renew_window\":\"Mon 02:00-03:00\""))
                .bearerAuth(OPERATOR));
        Map<String, Object> changed = get("shop");
        assertThat(changed.get("renew_window")).isEqualTo("Mon 02:00-03:00 UTC");
        assertThat(changed.get("renew_window_floor")).isNull();

        http.toBlocking().exchange(HttpRequest.PUT(BASE + "/shop", body("shop", "")).bearerAuth(OPERATOR));
        Map<String, Object> none = get("shop");
        assertThat(none).containsEntry("renew_window", null).containsEntry("renew_window_deferred", null)
                .containsEntry("renew_window_next_start", null);
    }

    @Test
    void theApiRenewIgnoresTheWindow() {
        http.toBlocking().exchange(HttpRequest.POST(BASE, body("manual", ",\"renew_window\":\"" + windowAfterThePlan()
                + "\"")).bearerAuth(OPERATOR));
        Object before = get("manual").get("serial");
        assertThat(get("manual").get("renew_window_deferred")).isEqualTo(true);

        Map<String, Object> renewed = json(http.toBlocking().retrieve(HttpRequest.POST(BASE + "/manual/renew", "")
                .bearerAuth(OPERATOR)));

        assertThat(renewed.get("serial")).isNotNull().isNotEqualTo(before);
    }

    @Test
    void theWindowIsInTheMetrics() {
        http.toBlocking().exchange(HttpRequest.POST(BASE, body("metered", ",\"renew_window\":\"" + windowAfterThePlan()
                + "\"")).bearerAuth(OPERATOR));
        Instant start = instant(get("metered").get("renew_window_next_start"));

        String scrape = http.toBlocking().retrieve("/metrics");

        assertThat(scrape).contains("vault_pki_exporter_renewal_window_deferred{export=\"metered\"} 1.0")
                .contains("vault_pki_exporter_renewal_window_next_start_timestamp_seconds{export=\"metered\"} "
                        + (double) start.getEpochSecond())
                .contains("vault_pki_exporter_renewal_window_floor_timestamp_seconds{export=\"metered\"}");
        // exports without a window have no window series
        assertThat(scrape).doesNotContain("vault_pki_exporter_renewal_window_deferred{export=\"plain\"}");
    }

    @Test
    void aBadWindowIs400NamingTheFieldAndTheBadPart() {
        Map<String, Object> zone = assertProblem(error(HttpRequest.POST(BASE, body("bad", ",\"renew_window\":"
                + "\"Mon-Fri 02:00-04:00 Mars/Olympus\"")).bearerAuth(OPERATOR)), 400);
        assertThat(errors(zone)).singleElement().satisfies(f -> {
            assertThat(f.get("field")).isEqualTo("renew_window");
            assertThat(String.valueOf(f.get("message"))).startsWith("has an unknown time zone 'Mars/Olympus'");
        });

        // a huge body never reaches the parser (413); a long window inside the body limit is a field error
        assertThat(error(HttpRequest.POST(BASE, body("bad", ",\"renew_window\":\"" + "Mon ".repeat(50_000) + "\""))
                .bearerAuth(OPERATOR)).getStatus().getCode()).isEqualTo(413);
        String huge = "Mon ".repeat(500);
        Map<String, Object> tooLong = assertProblem(error(HttpRequest.POST(BASE, body("bad", ",\"renew_window\":\""
                + huge + "\"")).bearerAuth(OPERATOR)), 400);
        assertThat(errors(tooLong)).singleElement().satisfies(f ->
                assertThat(f.get("message")).isEqualTo("must be at most 128 characters"));

        for (String value : List.of("\"00:00-00:00\"", "\"Mon-Fri\\u000002:00-04:00\"", "\"Mon\\u2013Fri 02:00-04:00\"",
                "42", "[\"Mon\"]", "{\"days\":\"Mon\"}")) {
            Map<String, Object> problem = assertProblem(error(HttpRequest.POST(BASE, body("bad", ",\"renew_window\":"
                    + value)).bearerAuth(OPERATOR)), 400);
            assertThat(errors(problem)).extracting(f -> f.get("field")).containsExactly("renew_window");
        }

        Map<String, Object> floor = assertProblem(error(HttpRequest.POST(BASE, body("bad",
                ",\"renew_window_floor\":\"-5m\"")).bearerAuth(OPERATOR)), 400);
        assertThat(errors(floor)).extracting(f -> f.get("field")).containsExactly("renew_window_floor");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET(BASE).bearerAuth(OPERATOR))).doesNotContain("\"bad\"");
    }

    @Test
    void aWindowOnAnIssuerExportIsRefused() {
        HttpClientResponseException e = error(HttpRequest.POST(BASE, "{\"name\":\"ca\",\"source\":\"issuer\","
                + "\"mount\":\"pki\",\"renew_window\":\"Sat 02:00-04:00\"}").bearerAuth(OPERATOR));

        assertThat(e.getStatus().getCode()).isBetween(400, 422);
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("renew_window")
                .contains("applies to sources issue and sign only");
    }
}

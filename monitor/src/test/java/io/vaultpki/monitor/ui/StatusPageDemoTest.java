package io.vaultpki.monitor.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: the status page of the demo over real HTTP, against the emulator. */
class StatusPageDemoTest {

    private static DemoMonitor monitor;
    private static HttpResponse<String> page;

    @BeforeAll
    static void start() throws Exception {
        monitor = DemoMonitor.start();
        page = get("/");
    }

    @AfterAll
    static void stop() {
        if (monitor != null) {
            monitor.close();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(monitor.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDemoPageAnswers200HtmlWithItsIssuersInTimeLeftOrder() {
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(Page.issuerIds(page.body())).isNotEmpty().containsExactlyElementsOf(monitor.issuerIdsByTimeLeft());
    }

    @Test
    void eachIssuerHasTheStateTheStatusApiGivesIt() throws Exception {
        JsonNode status = new ObjectMapper().readTree(get("/api/v1/status").body());
        Map<String, String> expected = new HashMap<>();
        status.get("engines").forEach(e -> e.get("issuers").forEach(
                i -> expected.put(i.get("id").asText(), i.get("state").asText())));
        List<String> ids = Page.issuerIds(page.body());
        List<String> states = Page.issuerStates(page.body());

        for (int i = 0; i < ids.size(); i++) {
            assertThat(states.get(i)).as(ids.get(i)).isEqualTo(expected.get(ids.get(i)));
        }
        assertThat(page.body()).contains("data-state=\"" + status.get("state").asText() + "\"");
    }

    @Test
    void thePagesPolicyAllowsOnlyItsOwnScriptByHashAndNothingFromElsewhere() {
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'sha256-", "frame-ancestors 'none'")
                .doesNotContain("script-src 'unsafe-inline'", "http:", "https:");
        assertThat(page.body()).doesNotContainPattern("\\son[a-z]+=\"");
    }

    @Test
    void theDemoTimelineHasOneBarPerIssuer() {
        assertThat(Page.timelineBars(page.body())).containsExactlyElementsOf(monitor.issuerIdsByTimeLeft());
    }

    @Test
    void theDemoPageShowsItsHealthChecksAndNoSecret() {
        assertThat(page.body()).contains("enable_auto_tidy").contains("role_allows_localhost")
                .doesNotContain(monitor.secretId()).doesNotContain("hvs.");
    }
}

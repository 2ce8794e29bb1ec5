package io.vaultpki.monitor.ui;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import io.vaultpki.monitor.refresh.CrlInfo;
import io.vaultpki.monitor.refresh.IssuerInfo;
import io.vaultpki.monitor.refresh.PkiSnapshot;
import io.vaultpki.monitor.refresh.SnapshotHolder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.vaultpki.monitor.metrics.Snapshots.ADDRESS;
import static io.vaultpki.monitor.metrics.Snapshots.engine;
import static io.vaultpki.monitor.metrics.Snapshots.health;
import static io.vaultpki.monitor.metrics.Snapshots.issuer;
import static io.vaultpki.monitor.metrics.Snapshots.leaf;
import static io.vaultpki.monitor.metrics.Snapshots.reachableVault;
import static io.vaultpki.monitor.metrics.Snapshots.result;
import static io.vaultpki.monitor.metrics.Snapshots.revoked;
import static io.vaultpki.monitor.metrics.Snapshots.snapshot;
import static io.vaultpki.monitor.metrics.Snapshots.superseded;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: {@code GET /} renders the current snapshot as HTML over real HTTP; no background refresh. */
@MicronautTest
@Property(name = "monitor.refresh.enabled", value = "false")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "monitor.thresholds.warning", value = "30d")
@Property(name = "monitor.thresholds.critical", value = "7d")
@Property(name = "monitor.leaves.include-superseded", value = "true")
class StatusPageTest {

    private static final String OK = "0a000000-0000-4000-8000-000000000001";
    private static final String CRIT = "0c000000-0000-4000-8000-000000000002";
    private static final String WARN = "0b000000-0000-4000-8000-000000000003";
    private static final String HOSTILE = "<script>alert('pwned')</script>";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    SnapshotHolder holder;

    private PkiSnapshot before;

    @BeforeEach
    void remember() {
        before = holder.current();
    }

    @AfterEach
    void restore() {
        holder.replace(before);
    }

    private static Instant in(Duration d) {
        return Instant.now().plus(d);
    }

    private void threeIssuers() {
        holder.replace(snapshot(reachableVault(Optional.of(in(Duration.ofHours(5)))),
                engine("pki/", List.of(issuer(OK, "root", in(Duration.ofDays(400))))),
                engine("pki_int/", List.of(issuer(CRIT, "int-old", in(Duration.ofDays(2))),
                        issuer(WARN, "int-new", in(Duration.ofDays(12)))))));
    }

    @Test
    void theRootAnswers200HtmlWithTheIssuersInTimeLeftOrderAndTheirStates() {
        threeIssuers();

        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/"), String.class);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.getContentType()).hasValueSatisfying(
                type -> assertThat(type.getName()).isEqualTo(MediaType.TEXT_HTML));
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(Page.issuerIds(response.body())).containsExactly(CRIT, WARN, OK);
        assertThat(Page.issuerStates(response.body())).containsExactly("critical", "warning", "ok");
        assertThat(response.body()).containsPattern(">1[12] days<").contains("<title>vault-pki-monitor: critical</title>");
    }

    @Test
    void theHeaderShowsTheOverallStateItsRuleAndVaultAsLastSeen() {
        threeIssuers();

        String page = http.toBlocking().retrieve("/");

        assertThat(page).contains("id=\"overall-state\" data-state=\"critical\"")
                .contains("issuer " + CRIT + " (int-old) on pki_int/ expires in")
                .contains(ADDRESS).contains("1.17.2").contains("approle")
                .containsPattern("id=\"vault-seal\">no / no<")
                .containsPattern("id=\"token-expiry\">in (4|5) hours<")
                .contains("success").contains("last good refresh");
    }

    @Test
    void theTimelineHasOneBarPerIssuerInTableOrderWithNowAndBothThresholds() {
        threeIssuers();

        String page = http.toBlocking().retrieve("/");

        assertThat(Page.timelineBars(page)).containsExactly(CRIT, WARN, OK);
        assertThat(page).contains("class=\"marker now\"").contains("class=\"marker threshold-warning\"")
                .contains("class=\"marker threshold-critical\"");
    }

    @Test
    void hostileIssuerNamesSubjectsEnginesAndHealthCheckMessagesAreShownAsText() {
        IssuerInfo hostile = new IssuerInfo(CRIT, HOSTILE, "x", "CN=\"><img src=x onerror=alert(1)>", "01", "rsa",
                2048, false, false, "err", in(Duration.ofDays(-30)), in(Duration.ofDays(1)));
        String engine = "evil\"'<b>/";
        holder.replace(snapshot(engine(engine, List.of(hostile)).withHealth(health(Instant.now(),
                result(engine, "enable_auto_tidy", CheckStatus.CRITICAL, "config/auto-tidy",
                        "<script>alert(2)</script> tidy off")))));

        String page = http.toBlocking().retrieve("/");

        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .doesNotContain("<b>/").doesNotContain("evil\"'")
                .contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;")
                .contains("&lt;script&gt;alert(2)&lt;/script&gt; tidy off")
                .contains("CN=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        // the one script element is the page's own
        assertThat(Page.all(page, "(<script)")).hasSize(1);
    }

    @Test
    void healthCheckResultsThatCountAreListedFirst() {
        holder.replace(snapshot(engine("pki/", List.of(issuer(OK, "root", in(Duration.ofDays(400)))))
                .withHealth(health(Instant.now(),
                        result("pki/", "ca_validity_period", CheckStatus.OK, "issuer/x", "fine"),
                        result("pki/", "role_allows_localhost", CheckStatus.WARNING, "roles/web", "localhost"),
                        result("pki/", "enable_auto_tidy", CheckStatus.CRITICAL, "config/auto-tidy", "off")))));

        String page = http.toBlocking().retrieve("/");

        assertThat(Page.all(page, "<tr class=\"check\" [^>]*data-state=\"(\\w+)\"")).containsExactly("critical",
                "warning", "ok");
    }

    @Test
    void aRootLongerThanTheTimelinesReachIsCutAtTheEdgeAndMarked() {
        holder.replace(snapshot(engine("pki/", List.of(issuer(OK, "root", in(Duration.ofDays(3650))),
                issuer(WARN, "int", in(Duration.ofDays(20)))))));

        String page = http.toBlocking().retrieve("/");

        assertThat(Page.all(page, "<rect class=\"bar ([^\"]*)\"")).containsExactly("st-warning", "st-ok cut-end");
    }

    @Test
    void thePageShowsNoTokenOrSecret() {
        threeIssuers();

        String page = http.toBlocking().retrieve("/");

        // application-test.yml's token
        assertThat(page).doesNotContain("hvs.").doesNotContain("test-token-never-sent");
    }

    @Test
    void crlFreshnessIsShownAndAPassedNextUpdateIsStale() {
        holder.replace(snapshot(engine("pki/", List.of(issuer(OK, "root", in(Duration.ofDays(400))),
                        issuer(WARN, "int", in(Duration.ofDays(20)))),
                List.of(new CrlInfo(OK, in(Duration.ofDays(-1)), Optional.of(in(Duration.ofDays(1))),
                                Optional.empty(), 0, 300),
                        new CrlInfo(WARN, in(Duration.ofDays(-5)), Optional.of(in(Duration.ofDays(-2))),
                                Optional.empty(), 0, 300)), List.of(), false)));

        String page = http.toBlocking().retrieve("/");

        assertThat(Page.all(page, "<span class=\"crl crl-(\\w+)\">")).containsExactly("stale", "fresh");
    }

    @Test
    void leavesAreCountedPerStateAndWindowAndTheSoonestListedWithRevokedAndSupersededMarked() {
        holder.replace(snapshot(engine("pki/", List.of(issuer(OK, "root", in(Duration.ofDays(400)))), List.of(),
                List.of(leaf("01", "a.example.com", in(Duration.ofDays(3))),
                        leaf("02", "b.example.com", in(Duration.ofDays(20))),
                        revoked("03", "c.example.com", in(Duration.ofDays(1))),
                        superseded("04", "a.example.com", in(Duration.ofDays(2))),
                        leaf("05", "old.example.com", in(Duration.ofDays(-1)))), true)));

        String page = http.toBlocking().retrieve("/");

        // valid, expired, revoked, superseded, expiring < 7 days, < 30 days
        assertThat(Page.all(page, "<tr data-engine=\"pki/\"><th scope=\"row\"><code>pki/</code></th>(.*?)</tr>"))
                .containsExactly("<td>2</td><td>1</td><td>1</td><td>1</td><td>2</td><td>3</td>");
        assertThat(Page.all(page, "<tr class=\"leaf\"[^>]*><td><code>pki/</code></td><td>([^<]*)</td>"))
                .containsExactly("c.example.com", "a.example.com", "a.example.com", "b.example.com");
        assertThat(page).contains("<span class=\"tag\">revoked</span>").contains("<span class=\"tag\">superseded</span>");
    }

    @Test
    void beforeTheFirstRefreshThePageSaysSoInsteadOfFailing() {
        holder.replace(PkiSnapshot.empty(ADDRESS));

        String page = http.toBlocking().retrieve("/");

        assertThat(page).contains("no refresh from Vault has completed yet").contains("No issuer seen yet.");
    }

    @Test
    void theFooterLinksTheDocumentationByDefault() {
        assertThat(Page.links(http.toBlocking().retrieve("/"))).contains(UiConfiguration.DEFAULT_DOCS_URL);
    }

    @Test
    void everyLinkOfThePageResolvesAgainstTheRootToAnEndpointThatAnswers() {
        String page = http.toBlocking().retrieve("/");

        assertThat(Page.links(page)).contains("metrics", "api/v1/status", "status", "health");
        for (String link : Page.links(page)) {
            if (link.startsWith("data:") || link.equals(UiConfiguration.DEFAULT_DOCS_URL)) {
                continue; // the empty favicon; the documentation (outside, never loaded by the page)
            }
            int code;
            try {
                code = http.toBlocking().exchange(HttpRequest.GET("/" + link), String.class).code();
            } catch (HttpClientResponseException e) {
                code = e.code(); // /status and /health answer 500/503 before the first refresh
            }
            assertThat(code).as("/%s", link).isNotEqualTo(404);
        }
    }
}

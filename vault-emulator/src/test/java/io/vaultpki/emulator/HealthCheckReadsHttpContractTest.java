package io.vaultpki.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.emulator.pki.IssuerSpec;
import io.vaultpki.emulator.token.TokenSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP: the tune read with its audit and header lists, and the ACL on every path the PKI health checks read —
 * a token whose policy denies one gets Vault's 403 {@code permission denied} there and its other reads still work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthCheckReadsHttpContractTest {

    private static final List<String> CHECK_PATHS = List.of("pki/config/crl", "pki/issuer/default/crl/delta",
            "pki/key/default", "pki/config/auto-tidy", "pki/tidy-status", "pki/config/acme", "pki/config/cluster",
            "pki/roles/web", "sys/mounts/pki/tune");

    private VaultEmulator vault;
    private VaultHttp root;
    private VaultHttp anonymous;

    @BeforeAll
    void start() {
        vault = VaultEmulator.builder().start();
        var pki = vault.pki().enable("pki");
        pki.generateRoot(IssuerSpec.named("ca"));
        pki.role(io.vaultpki.emulator.pki.RoleSpec.named("web"));
        vault.pki().enable("bare");
        vault.mounts().tune("", "pki", new MountTune(List.of("If-Modified-Since"),
                List.of("Last-Modified", "Replay-Nonce", "Link", "Location"), List.of("csr", "common_name"),
                List.of("certificate", "issuing_ca")));
        anonymous = new VaultHttp(vault.url());
        root = anonymous.token(vault.rootToken());
    }

    @AfterAll
    void stop() {
        vault.close();
    }

    @Test
    void tuneReadReportsTheAuditKeysAndHeaderListsAndTheEffectiveTtls() {
        var reply = root.get("sys/mounts/pki/tune");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode data = reply.json().get("data");

        assertThat(strings(data.get("audit_non_hmac_request_keys"))).containsExactly("csr", "common_name");
        assertThat(strings(data.get("audit_non_hmac_response_keys"))).containsExactly("certificate", "issuing_ca");
        assertThat(strings(data.get("passthrough_request_headers"))).containsExactly("If-Modified-Since");
        assertThat(strings(data.get("allowed_response_headers")))
                .containsExactly("Last-Modified", "Replay-Nonce", "Link", "Location");
        assertThat(data.get("default_lease_ttl").asLong()).isEqualTo(2764800);
        assertThat(data.get("max_lease_ttl").asLong()).isEqualTo(2764800);
        assertThat(data.get("force_no_cache").asBoolean()).isFalse();
        assertThat(data.get("description").isTextual()).isTrue();
    }

    @Test
    void anUntunedMountOmitsTheListsAndAnUnknownMountIs400() {
        JsonNode bare = root.get("sys/mounts/bare/tune").json().get("data");
        assertThat(bare.has("audit_non_hmac_request_keys")).isFalse();
        assertThat(bare.has("allowed_response_headers")).isFalse();
        assertThat(bare.has("passthrough_request_headers")).isFalse();

        var missing = root.get("sys/mounts/nothing-here/tune");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("cannot fetch sysview for path");
    }

    @Test
    void tuningOnlyTheHeadersKeepsTheAuditKeys() {
        vault.pki().enable("headers-only");
        vault.mounts().tune("", "headers-only", new MountTune(List.of(), List.of(), List.of("csr"), List.of()));
        vault.mounts().tune("", "headers-only", List.of("If-Modified-Since"), List.of("Last-Modified"));

        JsonNode data = root.get("sys/mounts/headers-only/tune").json().get("data");
        assertThat(strings(data.get("audit_non_hmac_request_keys"))).containsExactly("csr");
        assertThat(strings(data.get("passthrough_request_headers"))).containsExactly("If-Modified-Since");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pki/config/crl", "pki/key/default",
            "pki/config/auto-tidy", "pki/tidy-status", "pki/config/acme", "pki/config/cluster", "pki/roles/web",
            "sys/mounts/pki/tune"})
    void aPolicyThatDeniesOneCheckPathGets403ThereAndTheOthersStillAnswer(String denied) {
        String policy = "deny-" + denied.replace('/', '-');
        var builder = Policy.builder().path("pki/*", "read", "list").path("sys/mounts/pki/tune", "read")
                .path(denied, "deny");
        vault.policies().put(policy, builder.build());
        var token = anonymous.token(vault.tokens().create(TokenSpec.of(Duration.ofHours(1), policy)));

        var refused = token.get(denied);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("permission denied");
        for (String other : CHECK_PATHS) {
            if (!other.equals(denied) && !other.equals("pki/issuer/default/crl/delta")) {
                assertThat(token.get(other).status()).as(other).isEqualTo(200);
            }
        }
    }

    /** Vault's PKI {@code PathsSpecial.Unauthenticated} lists the delta CRL paths: no ACL applies to them. */
    @Test
    void theUnauthenticatedDeltaCrlIgnoresPolicies() {
        assertThat(anonymous.get("pki/issuer/default/crl/delta").status()).isEqualTo(200);
        assertThat(anonymous.get("pki/crl/delta").status()).isEqualTo(200);
        assertThat(anonymous.get("pki/config/crl").status()).isEqualTo(403);
    }

    @Test
    void anOlderVaultAnswers404UnsupportedPathForWhatItLacks() {
        try (var old = VaultEmulator.builder().version("1.11.4").start()) {
            old.pki().enable("pki").generateRoot(IssuerSpec.named("ca"));
            var http = new VaultHttp(old.url()).token(old.rootToken());
            for (String path : List.of("pki/config/auto-tidy", "pki/config/acme", "pki/config/cluster",
                    "pki/issuer/default/crl/delta")) {
                var reply = http.get(path);
                assertThat(reply.status()).as(path).isEqualTo(404);
                assertThat(reply.body()).as(path).contains("unsupported path");
            }
            assertThat(http.get("pki/config/crl").status()).isEqualTo(200);
            assertThat(http.get("pki/key/default").status()).isEqualTo(200);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

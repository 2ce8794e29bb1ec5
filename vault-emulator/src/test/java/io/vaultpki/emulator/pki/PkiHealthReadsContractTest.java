package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.spi.Operation;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vaultpki.emulator.pki.PkiCalls.crl;
import static io.vaultpki.emulator.pki.PkiCalls.list;
import static io.vaultpki.emulator.pki.PkiCalls.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoints {@code vault pki health-check} reads: field names and JSON types as Vault's handlers emit them,
 * their knobs, and 404 on versions that lack them (docs/vault-compatibility.md#emulator-pki-health-check-reads).
 */
class PkiHealthReadsContractTest {

    private final MutableClock clock = new MutableClock();
    private final PkiBackend pki = new PkiBackend(clock, Flavor.VAULT, "", "pki/");

    @Test
    void configCrlHasVaultsFieldsAndTypesWithTheFieldNamedDisableNotDisabled() {
        JsonNode data = read(pki, "config/crl").data();

        assertThat(names(data)).containsExactlyInAnyOrder("expiry", "disable", "ocsp_disable", "ocsp_expiry",
                "auto_rebuild", "auto_rebuild_grace_period", "enable_delta", "delta_rebuild_interval",
                "cross_cluster_revocation", "unified_crl", "unified_crl_on_existing_paths");
        assertThat(data.get("expiry").asText()).isEqualTo("72h0m0s");
        assertThat(data.get("disable").isBoolean()).isTrue();
        assertThat(data.get("auto_rebuild_grace_period").isTextual()).isTrue();
        assertThat(data.get("delta_rebuild_interval").asText()).isEqualTo("15m0s");
        assertThat(data.has("disabled")).isFalse();
    }

    @Test
    void crlConfigKnobIsReportedAndDisableEmptiesTheCrl() {
        pki.generateRoot(IssuerSpec.named("ca"));
        Leaf leaf = pki.issueLeaf(LeafSpec.commonName("x"));
        pki.revoke(leaf.serialNumber());
        pki.crlConfig(CrlConfig.defaults().withDisable(true).withExpiry(Duration.ofHours(1)));

        JsonNode data = read(pki, "config/crl").data();
        assertThat(data.get("disable").asBoolean()).isTrue();
        assertThat(data.get("expiry").asText()).isEqualTo("1h0m0s");
        X509CRL crl = crl(read(pki, "crl").rawBody());
        assertThat(crl.getRevokedCertificates()).isNull();
    }

    @Test
    void olderVersionsReportFewerCrlConfigFieldsAndOpenBaoItsOwn() {
        var v110 = new PkiBackend(clock, Flavor.VAULT, "1.10.3", "", "pki/");
        v110.legacy(true);
        assertThat(names(read(v110, "config/crl").data())).containsExactlyInAnyOrder("expiry", "disable");
        var v112 = new PkiBackend(clock, Flavor.VAULT, "1.12.0", "", "pki/");
        assertThat(names(read(v112, "config/crl").data())).contains("enable_delta").doesNotContain("unified_crl");
        var bao = new PkiBackend(clock, Flavor.OPENBAO, "", "pki/");
        assertThat(names(read(bao, "config/crl").data())).contains("enable_delta", "allow_expired_cert_revocation")
                .doesNotContain("unified_crl");
    }

    @Test
    void deltaCrlIsAnEmptyDeltaOfTheCompleteCrlWhenDeltasAreOff() throws Exception {
        Issuer ca = pki.generateRoot(IssuerSpec.named("ca"));
        X509CRL delta = crl(read(pki, "issuer/ca/crl/delta/der").rawBody());
        X509CRL complete = crl(read(pki, "issuer/ca/crl/der").rawBody());

        delta.verify(ca.certificate().getPublicKey());
        assertThat(delta.getRevokedCertificates()).isNull();
        assertThat(deltaBase(delta)).isEqualTo(number(complete));
        assertThat(read(pki, "issuer/ca/crl/delta").data().get("crl").asText()).startsWith("-----BEGIN X509 CRL-----")
                .endsWith("\n");
        assertThat(read(pki, "issuer/ca/crl/delta/pem").contentType()).isEqualTo("application/x-pem-file");
        assertThat(read(pki, "crl/delta").contentType()).isEqualTo("application/pkix-crl");
    }

    @Test
    void withAutoRebuildAndDeltasARevocationGoesOnTheDeltaNotTheCompleteCrl() {
        pki.generateRoot(IssuerSpec.named("ca"));
        pki.crlConfig(CrlConfig.defaults().withAutoRebuild(true, Duration.ofHours(12))
                .withDelta(true, Duration.ofMinutes(15)));
        long before = number(crl(read(pki, "issuer/ca/crl/der").rawBody()));
        Leaf leaf = pki.issueLeaf(LeafSpec.commonName("x"));
        pki.revoke(leaf.serialNumber());

        X509CRL complete = crl(read(pki, "issuer/ca/crl/der").rawBody());
        X509CRL delta = crl(read(pki, "issuer/ca/crl/delta/der").rawBody());
        assertThat(number(complete)).isEqualTo(before);
        assertThat(complete.getRevokedCertificate(leaf.certificate().getSerialNumber())).isNull();
        assertThat(delta.getRevokedCertificate(leaf.certificate().getSerialNumber())).isNotNull();

        clock.advance(Duration.ofHours(61));
        X509CRL rebuilt = crl(read(pki, "issuer/ca/crl/der").rawBody());
        assertThat(rebuilt.getRevokedCertificate(leaf.certificate().getSerialNumber())).isNotNull();
    }

    @Test
    void keysListAndReadCarryIdNameTypeAndManagedFieldsOnlyForManagedKeys() {
        Issuer root = pki.generateRoot(IssuerSpec.named("root").key(KeyAlgorithm.EC_P256));
        Issuer other = pki.generateRoot(IssuerSpec.named("other").key(KeyAlgorithm.RSA_2048));
        pki.rotateRoot(root, IssuerSpec.named("root-2"));
        pki.managedKey(other.keyId(), "hsm-key");
        pki.keyName(root.keyId(), "root-key");

        var listing = list(pki, "keys").data();
        assertThat(keys(listing)).containsExactlyInAnyOrder(root.keyId(), other.keyId());
        assertThat(listing.get("key_info").get(root.keyId()).get("key_name").asText()).isEqualTo("root-key");
        JsonNode plain = read(pki, "key/root-key").data();
        assertThat(names(plain)).containsExactlyInAnyOrder("key_id", "key_name", "key_type", "subject_key_id");
        assertThat(plain.get("key_type").asText()).isEqualTo("ec");
        assertThat(plain.get("subject_key_id").asText()).matches("([0-9a-f]{2}:){19}[0-9a-f]{2}");
        JsonNode managed = read(pki, "key/" + other.keyId()).data();
        assertThat(managed.get("managed_key_name").asText()).isEqualTo("hsm-key");
        assertThat(managed.get("managed_key_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(managed.get("key_type").asText()).isEqualTo("rsa");
        assertThat(read(pki, "issuer/root").data().get("key_id").asText()).isEqualTo(root.keyId());
    }

    @Test
    void unknownKeyIs500AndNoKeysIs404() {
        assertThat(list(pki, "keys").status()).isEqualTo(404);
        pki.generateRoot(IssuerSpec.named("ca"));
        var missing = read(pki, "key/nope");
        assertThat(missing.status()).isEqualTo(500);
        assertThat(missing.errors().get(0)).contains("unable to find PKI key for reference: nope");
    }

    @Test
    void rolesCarryTheFieldsTheRoleChecksRead() {
        pki.role(RoleSpec.named("web").allowedDomains("*").allowGlobDomains(true).allowWildcardCertificates(true)
                .allowLocalhost(true).noStore(true).maxTtl(Duration.ofDays(30)).ttl(Duration.ofDays(1))
                .issuerRef("ca").key("ec", 256));
        pki.role(RoleSpec.named("strict").allowWildcardCertificates(false));

        JsonNode web = read(pki, "roles/web").data();
        assertThat(web.get("allow_localhost").asBoolean()).isTrue();
        assertThat(web.get("allowed_domains").get(0).asText()).isEqualTo("*");
        assertThat(web.get("allow_wildcard_certificates").asBoolean()).isTrue();
        assertThat(web.get("allow_glob_domains").asBoolean()).isTrue();
        assertThat(web.get("no_store").asBoolean()).isTrue();
        assertThat(web.get("max_ttl").isIntegralNumber()).isTrue();
        assertThat(web.get("max_ttl").asLong()).isEqualTo(Duration.ofDays(30).getSeconds());
        assertThat(web.get("ttl").asLong()).isEqualTo(86400);
        assertThat(web.get("issuer_ref").asText()).isEqualTo("ca");
        assertThat(web.get("key_type").asText()).isEqualTo("ec");
        assertThat(read(pki, "roles/strict").data().get("allow_wildcard_certificates").asBoolean()).isFalse();
    }

    @Test
    void autoTidyConfigHasIntSecondsAndAGoDurationPause() {
        JsonNode defaults = read(pki, "config/auto-tidy").data();
        assertThat(defaults.get("enabled").asBoolean()).isFalse();
        assertThat(defaults.get("interval_duration").isIntegralNumber()).isTrue();
        assertThat(defaults.get("interval_duration").asLong()).isEqualTo(43200);
        assertThat(defaults.get("safety_buffer").asLong()).isEqualTo(259200);
        assertThat(defaults.get("pause_duration").asText()).isEqualTo("0s");
        assertThat(names(defaults)).contains("tidy_cert_store", "tidy_revoked_certs", "issuer_safety_buffer",
                "maintain_stored_certificate_counts", "min_startup_backoff_duration", "tidy_acme");

        pki.autoTidy(AutoTidyConfig.defaults().withEnabled(true, Duration.ofDays(7))
                .withPauseDuration(Duration.ofMillis(200)));
        JsonNode set = read(pki, "config/auto-tidy").data();
        assertThat(set.get("enabled").asBoolean()).isTrue();
        assertThat(set.get("interval_duration").asLong()).isEqualTo(604800);
        assertThat(set.get("pause_duration").asText()).isEqualTo("200ms");
        assertThat(set.get("tidy_cert_store").asBoolean()).isTrue();
    }

    @Test
    void tidyStatusIsInactiveWithNullParametersAndNoCountsUnlessMaintained() {
        JsonNode idle = read(pki, "tidy-status").data();
        assertThat(idle.get("state").asText()).isEqualTo("Inactive");
        for (String field : List.of("safety_buffer", "tidy_cert_store", "time_started", "time_finished", "error",
                "message", "cert_store_deleted_count", "current_cert_store_count")) {
            assertThat(idle.get(field).isNull()).as(field).isTrue();
        }
        assertThat(Instant.parse(idle.get("last_auto_tidy_finished").asText())).as("the mount's start-up")
                .isBetween(clock.instant().minusSeconds(60), clock.instant());
        assertThat(idle.get("internal_backend_uuid").asText()).matches("[0-9a-f-]{36}");

        pki.autoTidy(AutoTidyConfig.defaults().withCounts(true, false));
        pki.generateRoot(IssuerSpec.named("ca"));
        assertThat(read(pki, "tidy-status").data().get("current_cert_store_count").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"FINISHED, Finished", "ERROR, Error", "RUNNING, Running", "CANCELLED, Cancelled"})
    void tidyStatusReportsEachStateAsVaultDoes(TidyRun.State state, String text) {
        Instant started = Instant.parse("2026-01-02T03:04:05.5Z");
        Instant finished = started.plusSeconds(90);
        TidyRun run = switch (state) {
            case FINISHED -> TidyRun.finished(started, finished, 12, 3);
            case ERROR -> TidyRun.failed(started, finished, "tidy failed: storage unavailable");
            case RUNNING -> TidyRun.running(started, "Tidying certificate store: checking entry 3 of 9");
            default -> TidyRun.cancelled(started, finished);
        };
        pki.tidyRun(run, finished);

        JsonNode data = read(pki, "tidy-status").data();
        assertThat(data.get("state").asText()).isEqualTo(text);
        assertThat(data.get("time_started").asText()).isEqualTo("2026-01-02T03:04:05.5Z");
        assertThat(data.get("last_auto_tidy_finished").asText()).isEqualTo("2026-01-02T03:05:35.5Z");
        assertThat(data.get("safety_buffer").isIntegralNumber()).isTrue();
        assertThat(data.get("pause_duration").asText()).isEqualTo("0s");
        assertThat(data.get("time_finished").isNull()).isEqualTo(state == TidyRun.State.RUNNING);
        assertThat(data.get("error").isNull()).isEqualTo(state != TidyRun.State.ERROR);
        if (state == TidyRun.State.FINISHED) {
            assertThat(data.get("cert_store_deleted_count").asLong()).isEqualTo(12);
            assertThat(data.get("revoked_cert_deleted_count").asLong()).isEqualTo(3);
            assertThat(data.get("message").isNull()).isTrue();
        }
    }

    @Test
    void acmeAndClusterConfigHaveVaultsFieldsAndTheMissingPathWarning() {
        JsonNode acme = read(pki, "config/acme").data();
        assertThat(names(acme)).containsExactlyInAnyOrder("enabled", "allowed_issuers", "allowed_roles",
                "allow_role_ext_key_usage", "default_directory_policy", "dns_resolver", "eab_policy", "max_ttl");
        assertThat(acme.get("allowed_roles").get(0).asText()).isEqualTo("*");
        assertThat(acme.get("eab_policy").asText()).isEqualTo("not-required");
        assertThat(read(pki, "config/cluster").data().get("path").asText()).isEmpty();

        pki.acmeConfig(AcmeConfig.defaults().withEnabled(true));
        assertThat(read(pki, "config/acme").warnings()).containsExactly(
                "ACME feature requires local cluster 'path' field configuration to be set");
        pki.clusterConfig(new ClusterConfig("http://vault.internal:8200/v1/pki", "http://aia.example/v1/pki"));
        var enabled = read(pki, "config/acme");
        assertThat(enabled.warnings()).isEmpty();
        assertThat(enabled.data().get("enabled").asBoolean()).isTrue();
        assertThat(read(pki, "config/cluster").data().get("aia_path").asText()).isEqualTo("http://aia.example/v1/pki");
    }

    @ParameterizedTest(name = "Vault {0}: {1} -> {2}")
    @CsvSource({"1.11.9, config/auto-tidy, 404", "1.11.9, issuer/default/crl/delta, 404", "1.11.9, key/default, 200",
            "1.12.0, config/auto-tidy, 200", "1.12.0, issuer/default/crl/delta, 200", "1.12.0, config/cluster, 404",
            "1.13.1, config/cluster, 200", "1.13.1, config/acme, 404", "1.14.0, config/acme, 200",
            "1.10.0, tidy-status, 200"})
    void endpointsAnswerAsTheEmulatedVersionDoes(String version, String path, int status) {
        var mount = new PkiBackend(clock, Flavor.VAULT, version, "", "pki/");
        mount.generateRoot(IssuerSpec.named("ca"));

        var response = PkiCalls.call(mount, Operation.READ, path, Map.of(), Map.of());
        assertThat(response.status()).isEqualTo(status);
        if (status == 404) {
            assertThat(response.errors()).containsExactly("1 error occurred:\n\t* unsupported path\n\n");
        }
    }

    @Test
    void lastAutoTidyFinishedCameInVault114() {
        var v113 = new PkiBackend(clock, Flavor.VAULT, "1.13.9", "", "pki/");
        assertThat(read(v113, "tidy-status").data().has("last_auto_tidy_finished")).isFalse();
        assertThat(read(pki, "tidy-status").data().has("last_auto_tidy_finished")).isTrue();
    }

    @Test
    void managedKeyKnobRefusesAKeyTheMountDoesNotHold() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pki.managedKey("not-a-key", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> keys(JsonNode data) {
        List<String> keys = new ArrayList<>();
        data.get("keys").forEach(k -> keys.add(k.asText()));
        return keys;
    }

    private static long number(X509CRL crl) {
        return extensionInteger(crl, Extension.cRLNumber.getId()).longValueExact();
    }

    private static long deltaBase(X509CRL crl) {
        return extensionInteger(crl, Extension.deltaCRLIndicator.getId()).longValueExact();
    }

    private static BigInteger extensionInteger(X509CRL crl, String oid) {
        byte[] outer = crl.getExtensionValue(oid);
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(outer).getOctets()).getValue();
    }
}

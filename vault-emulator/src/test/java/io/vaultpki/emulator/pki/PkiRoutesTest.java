package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.MutableClock;
import io.vaultpki.emulator.spi.Flavor;
import io.vaultpki.emulator.spi.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PKI engine's route table: every route answers its operation, refuses others with 405 unsupported operation,
 * and a path no route matches is 404 unsupported path; a pre-1.11 mount has no multi-issuer routes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PkiRoutesTest {

    private static final String UNSUPPORTED_PATH = "1 error occurred:\n\t* unsupported path\n\n";
    private static final String UNSUPPORTED_OPERATION = "1 error occurred:\n\t* unsupported operation\n\n";

    private final MutableClock clock = new MutableClock();
    private PkiBackend pki;
    private PkiBackend legacy;
    private String serial;

    @BeforeAll
    void seed() {
        pki = new PkiBackend(clock, Flavor.VAULT, "", "pki/");
        pki.generateRoot(IssuerSpec.named("root"));
        pki.role(RoleSpec.named("web").allowAnyName(true).key(KeyAlgorithm.EC_P256));
        serial = pki.issueLeaf(LeafSpec.commonName("leaf.example.com")).serialNumber();
        legacy = new PkiBackend(clock, Flavor.VAULT, "", "old/");
        legacy.generateRoot(IssuerSpec.named("old-root"));
        legacy.legacy(true);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "LIST, issuers, 200", "READ, issuers, 405",
            "READ, issuer/root, 200", "HEAD, issuer/root, 200", "LIST, issuer/root, 405", "READ, issuer/-bad, 404",
            "READ, issuer/root/json, 200", "READ, issuer/root/pem, 200", "READ, issuer/root/der, 200",
            "READ, issuer/root/crl, 200", "READ, issuer/root/crl/pem, 200", "READ, issuer/root/crl/der, 200",
            "READ, issuer/root/crl/delta, 200", "READ, issuer/root/crl/delta/pem, 200",
            "READ, issuer/root/crl/delta/der, 200", "READ, issuer/root/crl/delta/x, 404",
            "READ, issuer/root/other, 404", "READ, crl/delta, 200", "READ, crl/delta/pem, 200",
            "LIST, keys, 200", "READ, keys, 405", "READ, key/default, 200", "LIST, key/default, 405",
            "READ, config/crl, 200", "LIST, config/crl, 405", "READ, config/auto-tidy, 200",
            "UPDATE, config/auto-tidy, 405", "READ, config/acme, 200", "READ, config/cluster, 200",
            "UPDATE, issuer/root/issue/web, 200", "READ, issuer/root/issue/web, 405", "UPDATE, issuer/root/issue, 404",
            "READ, cert/ca, 200", "READ, cert/ca_chain, 200", "READ, cert/crl, 200", "READ, cert/ca/raw, 200",
            "READ, cert/ca/raw/pem, 200", "UPDATE, cert/ca, 405", "READ, cert, 404", "READ, cert/ca/pem, 404",
            "READ, cert/not-hex, 404", "READ, cert/ab/raw/pem/x, 404",
            "READ, ca, 200", "READ, ca/pem, 200", "READ, ca/der, 404", "READ, ca_chain, 200", "READ, ca_chain/x, 404",
            "READ, crl, 200", "READ, crl/pem, 200", "READ, crl/der, 404",
            "LIST, certs, 200", "LIST, certs/revoked, 200", "READ, certs, 405", "LIST, certs/other, 404",
            "UPDATE, issue/web, 200", "READ, issue/web, 405", "UPDATE, issue/web/x, 404", "UPDATE, issue/-bad, 404",
            "UPDATE, sign/web, 400", "UPDATE, revoke, 400", "READ, revoke, 405", "UPDATE, revoke/x, 404",
            "LIST, roles, 200", "READ, roles/web, 200", "LIST, roles/web, 405", "READ, roles/web/x, 404",
            "READ, config/issuers, 200", "READ, config/urls, 200", "READ, config/keys, 404",
            "READ, tidy-status, 200", "READ, tidy-status/x, 404", "READ, '', 404", "READ, nothing, 404"})
    void routeTable(Operation operation, String path, int status) {
        var response = PkiCalls.call(pki, operation, path, Map.of(), Map.of("common_name", "a.example.com"));

        assertThat(response.status()).isEqualTo(status);
        if (status == 404) {
            assertThat(response.errors()).containsExactly(UNSUPPORTED_PATH);
        }
        if (status == 405) {
            assertThat(response.errors()).containsExactly(UNSUPPORTED_OPERATION);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"LIST, issuers, 404", "READ, issuer/old-root, 404", "READ, issuer/old-root/pem, 404",
            "UPDATE, issuer/old-root/issue/web, 404", "READ, config/issuers, 404", "LIST, config/issuers, 404",
            "READ, cert/ca, 200", "READ, ca/pem, 200", "READ, config/urls, 200", "LIST, keys, 404",
            "READ, key/default, 404", "READ, issuer/old-root/crl/delta, 404", "READ, crl/delta, 404",
            "READ, config/auto-tidy, 404", "READ, config/acme, 404", "READ, config/cluster, 404",
            "READ, config/crl, 200", "READ, tidy-status, 200"})
    void aPreMultiIssuerMountHasNoIssuerRoutes(Operation operation, String path, int status) {
        var response = PkiCalls.call(legacy, operation, path, Map.of(), Map.of());

        assertThat(response.status()).isEqualTo(status);
        if (status == 404) {
            assertThat(response.errors()).containsExactly(UNSUPPORTED_PATH);
        }
    }

    @ParameterizedTest(name = "{0} cert/<serial>{1} -> {2}")
    @CsvSource({"READ, '', 200", "READ, /raw, 200", "READ, /raw/pem, 200", "READ, /pem, 404", "UPDATE, '', 405"})
    void certificateBySerial(Operation operation, String suffix, int status) {
        var response = PkiCalls.call(pki, operation, "cert/" + serial + suffix, Map.of(), Map.of());

        assertThat(response.status()).isEqualTo(status);
    }
}

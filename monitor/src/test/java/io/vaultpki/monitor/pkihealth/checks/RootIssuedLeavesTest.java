package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.Certs;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.IssuerInput;
import io.vaultpki.monitor.pkihealth.input.LeafInput;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;

class RootIssuedLeavesTest {

    private final RootIssuedLeaves check = new RootIssuedLeaves();
    private final Certs.Issued root = Certs.root("root", inDays(3000));
    private final Certs.Issued intermediate = Certs.intermediate("int", root, inDays(1000));
    private final Map<String, X509Certificate> byId = Map.of("r", root.certificate(), "i", intermediate.certificate());
    private final IssuerInput rootIssuer = IssuerInput.of("r", "root", root.certificate(), Optional.empty(), true);
    private final IssuerInput intIssuer = IssuerInput.of("i", "int", intermediate.certificate(), Optional.empty(), false);

    private LeafInput leaf(String serial, Certs.Issued issuer) {
        return LeafInput.of(serial, Certs.leaf(serial, issuer, inDays(30)).certificate(), byId);
    }

    @Test
    void leafSignedDirectlyByTheRootIsWarning() {
        var in = mount().issuers(issuers(rootIssuer, intIssuer))
                .leaves(Fetched.of(List.of(leaf("01", intermediate), leaf("02", root)))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(r.endpoint()).isEqualTo("pki/issuer/r");
            assertThat(r.message()).startsWith("Root issuer has directly issued non-CA leaf certificates (02)");
        });
    }

    @Test
    void leavesOnlyFromTheIntermediateAreOk() {
        var in = mount().issuers(issuers(rootIssuer, intIssuer))
                .leaves(Fetched.of(List.of(leaf("01", intermediate)))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.OK);
            assertThat(r.endpoint()).isEqualTo("pki/certs");
        });
    }

    @Test
    void theIntermediateCaCertificateItselfIsNotALeaf() {
        LeafInput caCert = LeafInput.of("0a", intermediate.certificate(), byId);
        assertThat(caCert.ca()).isTrue();
        assertThat(caCert.issuerId()).contains("r");
        var in = mount().issuers(issuers(rootIssuer, intIssuer)).leaves(Fetched.of(List.of(caCert))).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.OK);
    }

    @Test
    void onlyTheFirstCertsToFetchLeavesAreLookedAt() {
        List<LeafInput> leaves = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leaves.add(leaf("i" + i, intermediate));
        }
        leaves.add(leaf("late", root));
        var in = mount().issuers(issuers(rootIssuer, intIssuer)).leaves(Fetched.of(leaves)).build();
        assertThat(statuses(run(check, in, with(check, "certs_to_fetch", 3L)))).containsExactly(CheckStatus.OK);
        assertThat(statuses(run(check, in, with(check, "certs_to_fetch", 4L)))).containsExactly(CheckStatus.WARNING);
    }

    @Test
    void forbiddenCertificateListIsInsufficientPermissions() {
        var in = mount().issuers(issuers(rootIssuer)).leaves(Fetched.forbidden()).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.INSUFFICIENT_PERMISSIONS);
            assertThat(r.endpoint()).isEqualTo("pki/certs");
        });
    }

    @Test
    void unsupportedIssuersIsInvalidVersion() {
        assertThat(statuses(run(check, mount().issuers(Fetched.unsupported()).build())))
                .containsExactly(CheckStatus.INVALID_VERSION);
    }

    @Test
    void mountWithoutRootIsNotApplicable() {
        assertThat(statuses(run(check, mount().issuers(issuers(intIssuer)).build())))
                .containsExactly(CheckStatus.NOT_APPLICABLE);
    }
}

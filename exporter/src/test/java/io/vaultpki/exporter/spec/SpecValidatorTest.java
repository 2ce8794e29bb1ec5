package io.vaultpki.exporter.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpecValidatorTest {

    private static ExportSpec.Builder issue(String name) {
        return ExportSpec.builder(name, Source.ISSUE).mount("pki_int").role("web").commonName("a.example.com");
    }

    private static List<String> fields(ExportSpec spec) {
        return SpecValidator.validate(spec).stream().map(FieldError::field).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "a", "web-1.internal_x", "0abc"})
    void validNamesAreAccepted(String name) {
        assertThat(SpecValidator.isValidName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../etc", "a/b", "Web", ".hidden", "-x", "web\u0000", "wéb", "a b",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void namesThatCouldEscapeOrSurpriseAreRejected(String name) {
        assertThat(SpecValidator.isValidName(name)).isFalse();
        assertThat(fields(issue(name).build())).contains("name");
    }

    @Test
    void eachSourceNamesItsMissingFields() {
        assertThat(fields(ExportSpec.builder("x", Source.ISSUE).mount("pki").build())).contains("role", "common_name");
        assertThat(fields(ExportSpec.builder("x", Source.SIGN).mount("pki").build())).contains("role", "csr");
        assertThat(fields(ExportSpec.builder("x", Source.CERTIFICATE).mount("pki").build())).contains("serial");
        assertThat(fields(ExportSpec.builder("x", Source.ISSUER).mount("pki").build())).isEmpty();
        assertThat(fields(ExportSpec.builder("x", Source.ISSUER).build())).contains("mount");
    }

    @Test
    void mountsWithDotSegmentsOrOddCharactersAreRejected() {
        assertThat(fields(issue("x").mount("pki/../sys").build())).contains("mount");
        assertThat(fields(issue("x").mount("pki int").build())).contains("mount");
        assertThat(fields(issue("x").mount("team/a/pki").build())).isEmpty();
    }

    @Test
    void sansAreCheckedEntryByEntry() {
        ExportSpec spec = issue("x").altNames(List.of("ok.example.com", "bad name"))
                .ipSans(List.of("10.0.0.1", "::1", "999.1.1.1", "localhost"))
                .uriSans(List.of("spiffe://cluster/ns/web", "not a uri")).build();
        assertThat(fields(spec)).containsExactlyInAnyOrder("alt_names[1]", "ip_sans[2]", "ip_sans[3]", "uri_sans[1]");
    }

    @Test
    void ttlsAndWindowsMustBePositiveAndBounded() {
        assertThat(fields(issue("x").ttl(Duration.ZERO).build())).contains("ttl");
        assertThat(fields(issue("x").ttl(Duration.ofDays(4000)).build())).contains("ttl");
        assertThat(fields(issue("x").renewBefore(Duration.ofSeconds(-1)).build())).contains("renew_before");
    }

    @Test
    void keyTypeAndBitsMustFitEachOther() {
        assertThat(fields(issue("x").keyType("ec").keyBits(256).build())).isEmpty();
        assertThat(fields(issue("x").keyType("ec").keyBits(2048).build())).contains("key_bits");
        assertThat(fields(issue("x").keyType("dsa").build())).contains("key_type");
    }

    @Test
    void aCsrThatIsNotAPkcs10RequestIsRejected() {
        ExportSpec spec = ExportSpec.builder("x", Source.SIGN).mount("pki").role("web")
                .csr("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n").build();
        assertThat(fields(spec)).contains("csr");
    }

    @Test
    void aHookIsOnlyANameThatFollowsTheHookNameRule() {
        assertThat(fields(issue("x").hook("reload").build())).isEmpty();
        assertThat(fields(issue("x").hook("nginx-reload-2").build())).isEmpty();
        for (String bad : new String[] {"sh -c reboot", "../reload", "Reload", "re.load", "re_load", "-x", "a\u0000",
                "/bin/sh", "a".repeat(64)}) {
            assertThat(fields(issue("x").hook(bad).build())).as(bad).containsExactly("hook");
        }
    }

    @Test
    void publicSourcesRejectIssuanceFields() {
        ExportSpec spec = ExportSpec.builder("x", Source.ISSUER).mount("pki").role("web").ttl(Duration.ofHours(1)).build();
        assertThat(fields(spec)).contains("role", "alt_names");
    }

    @Test
    void publicOnlySourcesNeverListKeyFiles() {
        ExportSpec spec = ExportSpec.builder("x", Source.ISSUER).mount("pki").formats(Format.values()).build();
        assertThat(spec.files()).noneMatch(ExportFile::isPrivate);
        assertThat(issue("y").formats(Format.values()).build().files()).contains(ExportFile.KEY_PEM, ExportFile.BUNDLE_P12);
    }

    @Test
    void revokePreviousIsRefusedForIssuerAndCertificateSourcesWhichReadCertificatesTheExporterDoesNotOwn() {
        ExportSpec issuer = ExportSpec.builder("ca", Source.ISSUER).mount("pki").revokePrevious(true).build();
        ExportSpec certificate = ExportSpec.builder("c", Source.CERTIFICATE).mount("pki").serial("3c:9f:01:aa")
                .revokePrevious(true).build();

        assertThat(fields(issuer)).containsExactly("revoke_previous");
        assertThat(fields(certificate)).containsExactly("revoke_previous");
        assertThat(SpecValidator.validate(issuer)).singleElement().extracting(FieldError::message).asString()
                .contains("issue and sign only");
        assertThat(fields(issue("web").revokePrevious(true).build())).isEmpty();
    }

    @Test
    void revokePreviousIsOffByDefaultAndNeverChangesTheSpecHash() {
        ExportSpec plain = issue("web").build();

        assertThat(plain.revokePrevious()).isFalse();
        assertThat(plain.toBuilder().revokePrevious(true).build().specHash()).isEqualTo(plain.specHash());
        assertThat(plain.toBuilder().revokePrevious(true).build().toBuilder().build().revokePrevious()).isTrue();
    }
}

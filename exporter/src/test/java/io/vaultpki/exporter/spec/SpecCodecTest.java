package io.vaultpki.exporter.spec;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecCodecTest {

    private static final ExportSpec FULL = ExportSpec.builder("web", Source.ISSUE).mount("pki_int").role("web")
            .issuerRef("default").commonName("web.example.com").altNames(List.of("www.example.com"))
            .ipSans(List.of("10.0.0.1")).uriSans(List.of("spiffe://c/web")).ttl(Duration.ofHours(72))
            .keyType("ec").keyBits(256).formats(EnumSet.of(Format.PEM, Format.PKCS12)).naming(NamingProfile.KUBERNETES)
            .renewBefore(Duration.ofHours(24)).hook("reload")
            .build();

    @Test
    void aSpecSurvivesTheRoundTripThroughItsPersistedMap() {
        assertThat(SpecCodec.fromMap("web", SpecCodec.toMap(FULL), "pki")).isEqualTo(FULL);
    }

    @Test
    void configurationSpellingWithDashesAndGoDurationsIsAccepted() {
        ExportSpec spec = SpecCodec.fromMap("web", Map.of("source", "issue", "role", "web",
                "common-name", "web.example.com", "alt-names", List.of("a.example.com"), "ttl", "72h",
                "hook", "reload"), "pki_int");
        assertThat(spec.mount()).isEqualTo("pki_int");
        assertThat(spec.ttl()).isEqualTo(Duration.ofHours(72));
        assertThat(spec.altNames()).containsExactly("a.example.com");
        assertThat(spec.hook()).isEqualTo("reload");
    }

    @Test
    void theHookIsPersistedAsItsNameOnly() {
        assertThat(SpecCodec.toMap(FULL)).containsEntry("hook", "reload");
        assertThat(SpecCodec.toMap(FULL.toBuilder().hook(null).build())).doesNotContainKey("hook");
    }

    @Test
    void anInlineHookCommandIsAFieldErrorInConfiguration() {
        assertThatThrownBy(() -> SpecCodec.fromMap("web", Map.of("source", "issuer",
                "hook", Map.of("command", List.of("sh", "-c", "id"), "timeout", "5s")), "pki"))
                .isInstanceOfSatisfying(SpecFormatException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("hook.command"));
        assertThatThrownBy(() -> SpecCodec.fromMap("web", Map.of("source", "issuer", "hook", Map.of("name", "x")), "pki"))
                .isInstanceOfSatisfying(SpecFormatException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("hook"));
    }

    @Test
    void aPersistedLegacyInlineHookLoadsWithoutItsCommand() {
        ExportSpec spec = SpecCodec.fromPersisted("web", Map.of("name", "web", "source", "issue", "mount", "pki_int",
                "role", "web", "common_name", "web.example.com",
                "hook", Map.of("command", List.of("sh", "-c", "touch /tmp/pwned"), "timeout", "30s")), "pki");

        assertThat(spec.hook()).isNull();
        assertThat(spec.legacyInlineHook()).isTrue();
        assertThat(spec.toString()).doesNotContain("pwned");
        assertThat(spec.specHash()).isEqualTo(spec.toBuilder().legacyInlineHook(false).build().specHash());
    }

    @Test
    void unknownFieldsWrongTypesAndBadValuesAreAllReported() {
        assertThatThrownBy(() -> SpecCodec.fromMap("web", Map.of("source", "issue", "comon_name", "x",
                "alt_names", Map.of("a", "b"), "ttl", "soon", "formats", List.of("pem", "jks"), "naming", "odd"), "pki"))
                .isInstanceOfSatisfying(SpecFormatException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("comon_name", "alt_names", "ttl", "formats[1]", "naming"));
    }

    @Test
    void theSpecHashChangesWithWhatIsIssuedButNotWithTimingOrHook() {
        String hash = FULL.specHash();
        assertThat(FULL.toBuilder().altNames(List.of("other.example.com")).build().specHash()).isNotEqualTo(hash);
        assertThat(FULL.toBuilder().formats(EnumSet.of(Format.DER)).build().specHash()).isNotEqualTo(hash);
        assertThat(FULL.toBuilder().renewBefore(Duration.ofHours(1)).hook(null).build().specHash()).isEqualTo(hash);
        assertThat(FULL.toBuilder().hook("other-hook").build().specHash()).isEqualTo(hash);
    }

    @Test
    void revokePreviousReadsFromConfigurationSpellingAndSurvivesTheRoundTrip() {
        Map<String, Object> config = Map.of("source", "issue", "role", "web", "common-name", "web.example.com",
                "revoke-previous", "true");
        ExportSpec spec = SpecCodec.fromMap("web", config, "pki_int");

        assertThat(spec.revokePrevious()).isTrue();
        assertThat(SpecCodec.toMap(spec)).containsEntry("revoke_previous", true);
        assertThat(SpecCodec.fromPersisted("web", SpecCodec.toMap(spec), "pki_int")).isEqualTo(spec);
        assertThat(SpecCodec.toMap(FULL)).doesNotContainKey("revoke_previous");
        assertThat(SpecCodec.fromMap("web", Map.of("source", "issuer", "revoke_previous", false), "pki").revokePrevious())
                .isFalse();
    }

    @Test
    void revokePreviousMustBeTrueOrFalse() {
        for (Object bad : List.of("yes", 1, List.of(true), Map.of("serial", "01:02"))) {
            assertThatThrownBy(() -> SpecCodec.fromMap("web", Map.of("source", "issue", "revoke-previous", bad), "pki"))
                    .as(String.valueOf(bad))
                    .isInstanceOfSatisfying(SpecFormatException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).contains("revoke_previous"));
        }
    }
}

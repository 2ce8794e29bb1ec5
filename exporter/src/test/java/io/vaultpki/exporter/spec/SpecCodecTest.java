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
            .renewBefore(Duration.ofHours(24)).hook(new HookSpec(List.of("nginx", "-s", "reload"), Duration.ofSeconds(20)))
            .build();

    @Test
    void aSpecSurvivesTheRoundTripThroughItsPersistedMap() {
        assertThat(SpecCodec.fromMap("web", SpecCodec.toMap(FULL), "pki")).isEqualTo(FULL);
    }

    @Test
    void configurationSpellingWithDashesAndGoDurationsIsAccepted() {
        ExportSpec spec = SpecCodec.fromMap("web", Map.of("source", "issue", "role", "web",
                "common-name", "web.example.com", "alt-names", List.of("a.example.com"), "ttl", "72h",
                "hook", Map.of("command", List.of("true"), "timeout", "5s")), "pki_int");
        assertThat(spec.mount()).isEqualTo("pki_int");
        assertThat(spec.ttl()).isEqualTo(Duration.ofHours(72));
        assertThat(spec.altNames()).containsExactly("a.example.com");
        assertThat(spec.hook().timeout()).isEqualTo(Duration.ofSeconds(5));
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
    }
}

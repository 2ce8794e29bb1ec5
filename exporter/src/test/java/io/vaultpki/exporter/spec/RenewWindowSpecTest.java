package io.vaultpki.exporter.spec;

import io.vaultpki.exporter.window.RenewWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The renew window in a spec: persisted as its canonical text, read in both spellings, checked where it applies. */
class RenewWindowSpecTest {

    private static final ExportSpec WEB = ExportSpec.builder("web", Source.ISSUE).mount("pki_int").role("web")
            .commonName("web.example.com").renewWindow(RenewWindow.parse("mon-fri 2:00-4:00 Europe/Berlin"))
            .renewWindowFloor(Duration.ofHours(36)).build();

    @Test
    void theWindowAndFloorSurviveThePersistedRoundTripAsCanonicalText() {
        Map<String, Object> persisted = SpecCodec.toMap(WEB);

        assertThat(persisted).containsEntry("renew_window", "Mon-Fri 02:00-04:00 Europe/Berlin")
                .containsEntry("renew_window_floor", "129600s");
        assertThat(SpecCodec.fromPersisted("web", persisted, "pki")).isEqualTo(WEB);
        assertThat(SpecCodec.toMap(WEB.toBuilder().renewWindow(null).renewWindowFloor(null).build()))
                .doesNotContainKeys("renew_window", "renew_window_floor");
    }

    @Test
    void aBadWindowIsAFieldErrorOfRenewWindow() {
        assertThatThrownBy(() -> SpecCodec.fromMap("web", Map.of("source", "issue", "renew-window", "Mon-Fri 2am"), "pki"))
                .isInstanceOfSatisfying(SpecFormatException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("renew_window", "has '2am' where the time range HH:MM-HH:MM"
                                + " belongs (24-hour clock, e.g. 02:00-04:00): expected [days] HH:MM-HH:MM [zone], e.g."
                                + " 'Mon-Fri 02:00-04:00 Europe/Berlin'")));
    }

    @Test
    void theWindowAppliesToSourcesThatRenewAndTheFloorOnlyWithAWindow() {
        ExportSpec issuer = ExportSpec.builder("ca", Source.ISSUER).mount("pki")
                .renewWindow(RenewWindow.parse("Sat 02:00-04:00")).build();
        ExportSpec floorOnly = WEB.toBuilder().renewWindow(null).build();
        ExportSpec negativeFloor = WEB.toBuilder().renewWindowFloor(Duration.ofHours(-1)).build();
        ExportSpec hugeFloor = WEB.toBuilder().renewWindowFloor(Duration.ofDays(3651)).build();

        assertThat(SpecValidator.validate(WEB)).isEmpty();
        assertThat(SpecValidator.validate(issuer)).extracting(FieldError::field).containsExactly("renew_window");
        assertThat(SpecValidator.validate(floorOnly)).extracting(FieldError::field).containsExactly("renew_window_floor");
        assertThat(SpecValidator.validate(negativeFloor)).extracting(FieldError::message)
                .containsExactly("must be positive and at most 3650 days");
        assertThat(SpecValidator.validate(hugeFloor)).extracting(FieldError::field).containsExactly("renew_window_floor");
    }

    @Test
    void theWindowIsNotPartOfTheSpecHash() {
        assertThat(WEB.toBuilder().renewWindow(null).renewWindowFloor(null).build().specHash()).isEqualTo(WEB.specHash());
    }
}

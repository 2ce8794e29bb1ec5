package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.AcmeConfig;
import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.model.CheckResult;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static io.vaultpki.monitor.pkihealth.checks.TuneFixtures.*;

class AuditVisibilityTest {
    private final AuditVisibility check = new AuditVisibility();

    @Test
    void everyVisibleParameterUnHmacedIsOk() {
        var in = mount().tune(Fetched.of(tune(AuditVisibility.VISIBLE_REQUEST, AuditVisibility.VISIBLE_RESPONSE,
                List.of(), List.of()))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.OK);
            assertThat(r.endpoint()).isEqualTo("sys/mounts/pki/tune");
        });
    }

    @Test
    void hmacedHarmlessParameterIsInformational() {
        List<String> request = new ArrayList<>(AuditVisibility.VISIBLE_REQUEST);
        request.remove("common_name");
        var in = mount().tune(Fetched.of(tune(request, AuditVisibility.VISIBLE_RESPONSE, List.of(), List.of())))
                .build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.INFORMATIONAL);
            assertThat(r.message()).isEqualTo("Mount currently HMACs common_name because it is not in"
                    + " audit_non_hmac_request_keys; as this is not a sensitive security parameter, it is"
                    + " encouraged to disable HMACing to allow better auditing of the PKI engine.");
        });
    }

    @Test
    void unHmacedPrivateKeyIsWarning() {
        var in = mount().tune(Fetched.of(tune(AuditVisibility.VISIBLE_REQUEST,
                all(AuditVisibility.VISIBLE_RESPONSE, List.of("private_key")), List.of(), List.of()))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(r.message()).startsWith("Mount currently doesn't HMAC private_key because it is in"
                    + " audit_non_hmac_response_keys");
        });
    }

    @Test
    void ignoredParametersAreNotReported() {
        // the CLI parses ignored_parameters and never consults it
        var in = mount().tune(Fetched.of(tune(List.of(), List.of("private_key"), List.of(), List.of()))).build();
        List<String> ignored = all(all(AuditVisibility.VISIBLE_REQUEST, AuditVisibility.VISIBLE_RESPONSE),
                List.of("private_key"));
        assertThat(statuses(run(check, in))).hasSize(AuditVisibility.VISIBLE_REQUEST.size()
                + AuditVisibility.VISIBLE_RESPONSE.size() + 1);
        assertThat(statuses(run(check, in, with(check, "ignored_parameters", ignored))))
                .containsExactly(CheckStatus.OK);
    }

    @Test
    void unreadableTuneIsInsufficientPermissions() {
        assertThat(statuses(run(check, mount().tune(Fetched.forbidden()).build())))
                .containsExactly(CheckStatus.INSUFFICIENT_PERMISSIONS);
    }

    @Test
    void unsupportedTuneIsInvalidVersion() {
        assertThat(statuses(run(check, mount().tune(Fetched.unsupported()).build())))
                .containsExactly(CheckStatus.INVALID_VERSION);
    }
}

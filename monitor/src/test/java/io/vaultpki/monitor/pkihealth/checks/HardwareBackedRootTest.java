package io.vaultpki.monitor.pkihealth.checks;

import io.vaultpki.monitor.pkihealth.input.Fetched;
import io.vaultpki.monitor.pkihealth.input.KeyInput;
import io.vaultpki.monitor.pkihealth.model.CheckStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.vaultpki.monitor.pkihealth.Inputs.*;
import static org.assertj.core.api.Assertions.assertThat;

class HardwareBackedRootTest {

    private final HardwareBackedRoot check = new HardwareBackedRoot();

    @Test
    void isOffByDefaultAsInTheCli() {
        assertThat(check.enabledByDefault()).isFalse();
    }

    @Test
    void rootWithSoftwareKeyIsInformational() {
        var in = mount().issuers(issuers(root("r", 3000)))
                .keys(Map.of("key-r", Fetched.of(new KeyInput("key-r", Optional.empty())))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.INFORMATIONAL);
            assertThat(r.endpoint()).isEqualTo("pki/issuer/r");
            assertThat(r.message()).startsWith("Root issuer was created using Vault-backed software keys");
        });
    }

    @Test
    void rootWithManagedKeyIsOk() {
        var in = mount().issuers(issuers(root("r", 3000)))
                .keys(Map.of("key-r", Fetched.of(new KeyInput("key-r", Optional.of("hsm-1"))))).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.OK);
            assertThat(r.message()).isEqualTo("Root issuer was backed by a HSM or KMS Managed Key: hsm-1.");
        });
    }

    @Test
    void intermediatesAreNotLookedAt() {
        var in = mount().issuers(issuers(intermediate("i", 3000))).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void unreadableKeyIsInsufficientPermissionsForThatRoot() {
        var in = mount().issuers(issuers(root("r", 3000))).keys(Map.of("key-r", Fetched.forbidden())).build();
        assertThat(run(check, in)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.INSUFFICIENT_PERMISSIONS);
            assertThat(r.endpoint()).isEqualTo("pki/key/key-r");
            assertThat(r.object()).contains("r");
        });
    }

    @Test
    void unsupportedKeyEndpointIsInvalidVersion() {
        var in = mount().issuers(issuers(root("r", 3000))).keys(Map.of("key-r", Fetched.unsupported())).build();
        assertThat(statuses(run(check, in))).containsExactly(CheckStatus.INVALID_VERSION);
    }
}

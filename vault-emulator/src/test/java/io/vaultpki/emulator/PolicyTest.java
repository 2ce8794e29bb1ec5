package io.vaultpki.emulator;

import io.vaultpki.emulator.spi.Operation;
import io.vaultpki.emulator.spi.TokenEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vault's ACL glob semantics as {@link PolicyStore} applies them. */
class PolicyTest {

    private final PolicyStore store = new PolicyStore();

    @Test
    void exactPathGrantsOnlyThatPath() {
        store.put("p", Policy.builder().path("sys/mounts", "read").build());

        assertThat(store.allows(token("p"), Operation.READ, "sys/mounts")).isTrue();
        assertThat(store.allows(token("p"), Operation.READ, "sys/mounts/pki")).isFalse();
        assertThat(store.allows(token("p"), Operation.UPDATE, "sys/mounts")).isFalse();
    }

    @Test
    void trailingStarIsAPrefixMatch() {
        store.put("p", Policy.builder().path("pki/*", "read", "list").build());

        assertThat(store.allows(token("p"), Operation.READ, "pki/issuer/default")).isTrue();
        assertThat(store.allows(token("p"), Operation.LIST, "pki/issuers")).isTrue();
        assertThat(store.allows(token("p"), Operation.READ, "pki-int/issuer/default")).isFalse();
    }

    @Test
    void plusMatchesExactlyOneSegment() {
        store.put("p", Policy.builder().path("secret/+/x", "read").build());

        assertThat(store.allows(token("p"), Operation.READ, "secret/a/x")).isTrue();
        assertThat(store.allows(token("p"), Operation.READ, "secret/a/b/x")).isFalse();
        assertThat(store.allows(token("p"), Operation.READ, "secret//x")).isFalse();
    }

    @Test
    void denyWinsOverAGrantOnTheSamePatternFromAnotherPolicy() {
        store.put("grant", Policy.builder().path("pki/*", "read").build());
        store.put("deny", Policy.builder().path("pki/*", "deny").build());

        assertThat(store.allows(token("grant", "deny"), Operation.READ, "pki/issuers")).isFalse();
    }

    @Test
    void theMostSpecificPatternDecides() {
        store.put("p", Policy.builder().path("pki/*", "read").path("pki/issue/*", "deny")
                .path("pki/issue/web", "update").build());

        assertThat(store.allows(token("p"), Operation.READ, "pki/cert/ca")).isTrue();
        assertThat(store.allows(token("p"), Operation.UPDATE, "pki/issue/db")).isFalse();
        assertThat(store.allows(token("p"), Operation.UPDATE, "pki/issue/web")).isTrue();
    }

    @Test
    void listOnAnExactPathWithoutTheTrailingSlashIsAllowedLikeVault() {
        store.put("p", Policy.builder().path("pki/issuers", "list").build());

        assertThat(store.allows(token("p"), Operation.LIST, "pki/issuers")).isTrue();
    }

    @Test
    void createCapabilityIsEnoughForAnUpdateOperation() {
        store.put("p", Policy.builder().path("auth/token/create", "create").build());

        assertThat(store.allows(token("p"), Operation.UPDATE, "auth/token/create")).isTrue();
    }

    @Test
    void defaultPolicyAllowsTheSelfEndpointsOnly() {
        var token = token("default");

        assertThat(store.allows(token, Operation.READ, "auth/token/lookup-self")).isTrue();
        assertThat(store.allows(token, Operation.UPDATE, "auth/token/renew-self")).isTrue();
        assertThat(store.allows(token, Operation.UPDATE, "auth/token/revoke-self")).isTrue();
        assertThat(store.allows(token, Operation.UPDATE, "auth/token/lookup-self")).isFalse();
        assertThat(store.allows(token, Operation.READ, "sys/mounts")).isFalse();
    }

    @Test
    void rootPolicyAllowsEverything() {
        assertThat(store.allows(token("root"), Operation.DELETE, "anything/at/all")).isTrue();
    }

    @Test
    void unknownCapabilitiesAreRejected() {
        assertThatThrownBy(() -> Policy.builder().path("x", "write")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hasAnyAccessUnderSeesGrantsBelowTheMount() {
        store.put("p", Policy.builder().path("pki/issuers", "list").build());

        assertThat(store.hasAnyAccessUnder(token("p"), "pki/")).isTrue();
        assertThat(store.hasAnyAccessUnder(token("p"), "pki-int/")).isFalse();
    }

    private static TokenEntry token(String... policies) {
        return new TokenEntry("hvs.x", "acc", List.of(policies), "auth/token/create", "token", null, "", "service",
                Instant.now(), 0, null, 0, 0, false, true, false, "", null);
    }
}

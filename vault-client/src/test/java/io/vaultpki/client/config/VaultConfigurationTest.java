package io.vaultpki.client.config;

import io.micronaut.context.ApplicationContext;
import io.vaultpki.client.VaultConfigurationException;
import io.vaultpki.client.VaultSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code vault.*} groups as Micronaut binds them: immutable records, defaults, and one message per bad value. */
class VaultConfigurationTest {

    private static final Map<String, Object> TOKEN_LOGIN = Map.of("vault.auth.method", "token", "vault.token", "hvs.x");

    private static ApplicationContext run(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(TOKEN_LOGIN);
        all.putAll(settings);
        return ApplicationContext.run(all);
    }

    @Test
    void everyGroupIsBoundFromItsPrefix() {
        try (ApplicationContext ctx = run(Map.of("vault.address", "http://127.0.0.1:1", "vault.max-retries", "5",
                "vault.read-timeout", "7s", "vault.tls.server-name", "vault.internal", "vault.tls.skip-verify", "true",
                "vault.auth.role", "monitor", "vault.auth.cert-name", "web"))) {
            VaultConfiguration c = ctx.getBean(VaultConfiguration.class);
            assertThat(c.address()).isEqualTo("http://127.0.0.1:1");
            assertThat(c.maxRetries()).isEqualTo(5);
            assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(c.tls().serverName()).isEqualTo("vault.internal");
            assertThat(c.tls().skipVerify()).isTrue();
            assertThat(c.auth().method()).isEqualTo("token");
            assertThat(c.auth().role()).isEqualTo("monitor");
            assertThat(c.auth().certName()).isEqualTo("web");
        }
    }

    @Test
    void settingsWithoutAVariableCarryTheirDefaultAndTheOthersStayUnsetForTheEnvironment() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("vault.token", "hvs.x"))) {
            VaultConfiguration c = ctx.getBean(VaultConfiguration.class);
            assertThat(c.connectTimeout()).isEqualTo(VaultSettings.DEFAULT_CONNECT_TIMEOUT);
            assertThat(c.maxConcurrency()).isEqualTo(VaultSettings.DEFAULT_MAX_CONCURRENCY);
            assertThat(c.allowRootToken()).isFalse();
            assertThat(c.auth().method()).isEqualTo(AuthMethod.AUTO.value());
            // these fall back to VAULT_ADDR, VAULT_CLIENT_TIMEOUT, VAULT_MAX_RETRIES, VAULT_CACERT, VAULT_ROLE
            assertThat(c.address()).isNull();
            assertThat(c.readTimeout()).isNull();
            assertThat(c.maxRetries()).isNull();
            assertThat(c.tls()).isEqualTo(VaultConfiguration.Tls.NONE);
            assertThat(c.auth().role()).isNull();
        }
    }

    @Test
    void aBadConnectionSettingStopsStartUpNamingIt() {
        assertStartUpFailsWith(Map.of("vault.max-concurrency", "0"), "vault.max-concurrency: must be at least 1, was 0");
        assertStartUpFailsWith(Map.of("vault.connect-timeout", "0s"),
                "vault.connect-timeout: must be a positive duration, was PT0S");
        assertStartUpFailsWith(Map.of("vault.max-retries", "-1"), "vault.max-retries: must not be negative, was -1");
    }

    @Test
    void aBadTlsSettingStopsStartUpNamingIt() {
        assertStartUpFailsWith(Map.of("vault.tls.client-cert", "/nonexistent/c.pem"),
                "vault.tls.client-key: vault.tls.client-cert and vault.tls.client-key must be set together");
        assertStartUpFailsWith(Map.of("vault.tls.ca-path", "/nonexistent/dir"),
                "vault.tls.ca-path: directory /nonexistent/dir does not exist");
    }

    @Test
    void aBadAuthSettingStopsStartUpNamingIt() {
        assertStartUpFailsWith(Map.of("vault.auth.method", "ldap"), "vault.auth.method: unknown method 'ldap', "
                + "expected one of auto, token, token-file, kubernetes, approle, jwt, userpass, cert");
        assertStartUpFailsWith(Map.of("vault.auth.method", "approle"),
                "vault.auth.role-id: vault.auth.role-id must be set when vault.auth.method=approle");
    }

    @Test
    void printingTheConfigurationNeverShowsASecret() {
        VaultConfiguration c = Configs.config("token", "hvs.SECRET-TOKEN", "auth.secret-id", "SECRET-ID",
                "auth.password", "SECRET-PASSWORD", "auth.role-id", "SEMI-SECRET-ROLE-ID", "address", "https://vault:8200");

        assertThat(c.toString()).contains("https://vault:8200").doesNotContain("SECRET").doesNotContain("ROLE-ID");
    }

    private static void assertStartUpFailsWith(Map<String, Object> settings, String message) {
        assertThatThrownBy(() -> run(settings).close())
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(VaultConfigurationException.class)
                        .hasMessage(message));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}

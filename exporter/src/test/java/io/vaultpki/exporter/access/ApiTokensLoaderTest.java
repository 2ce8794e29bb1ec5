package io.vaultpki.exporter.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTokensLoaderTest {

    private static final String TOKEN = "a-long-enough-api-token-value";

    @TempDir
    Path dir;

    @Test
    void sha256TokenAuthenticatesItsPrincipal() {
        ApiTokens tokens = ApiTokensLoader.load(List.of(Map.of("name", "deployer", "sha256", sha256(TOKEN),
                "scopes", List.of("read", "write"))));
        ApiPrincipal p = tokens.authenticate(TOKEN).orElseThrow();
        assertThat(p.name()).isEqualTo("deployer");
        assertThat(p.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
        assertThat(p.has(Scope.KEYS)).as("write never implies keys").isFalse();
        assertThat(p.mayAccess("anything")).isTrue();
    }

    @Test
    void unknownTokenDoesNotAuthenticate() {
        ApiTokens tokens = ApiTokensLoader.load(List.of(Map.of("name", "a", "sha256", sha256(TOKEN), "scopes", "read")));
        assertThat(tokens.authenticate(TOKEN + "x")).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
    }

    @Test
    void tokenFileIsHashedAtLoadWithoutItsNewline() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, TOKEN + "\n");
        ApiTokens tokens = ApiTokensLoader.load(List.of(Map.of("name", "sidecar", "token-file", file.toString(), "scopes", "read,keys")));
        assertThat(tokens.authenticate(TOKEN)).isPresent();
        assertThat(tokens.toString()).doesNotContain(TOKEN);
    }

    @Test
    void sha256FileIsRead() throws Exception {
        Path file = dir.resolve("token.sha256");
        Files.writeString(file, sha256(TOKEN).toUpperCase() + "\n");
        ApiTokens tokens = ApiTokensLoader.load(List.of(Map.of("name", "a", "sha256-file", file.toString(), "scopes", "read")));
        assertThat(tokens.authenticate(TOKEN)).isPresent();
    }

    @Test
    void unknownScopeFailsNamingTheSetting() {
        assertThatThrownBy(() -> ApiTokensLoader.load(List.of(
                Map.of("name", "a", "sha256", sha256("x"), "scopes", "read"),
                Map.of("name", "b", "sha256", sha256("y"), "scopes", List.of("read", "admin")))))
                .isInstanceOf(ApiConfigurationException.class)
                .hasMessageStartingWith("exporter.api.tokens[1].scopes: unknown scope 'admin'");
    }

    @Test
    void badHexFailsNamingTheSetting() {
        assertThatThrownBy(() -> ApiTokensLoader.load(List.of(Map.of("name", "a", "sha256", "abc", "scopes", "read"))))
                .hasMessageStartingWith("exporter.api.tokens[0].sha256:");
    }

    @Test
    void missingTokenFileFailsNamingTheSetting() {
        assertThatThrownBy(() -> ApiTokensLoader.load(List.of(Map.of("name", "a", "token-file", dir.resolve("nope").toString(), "scopes", "read"))))
                .hasMessageStartingWith("exporter.api.tokens[0].token-file: cannot read file");
    }

    @Test
    void shortTokenInFileIsRefusedWithoutEchoingIt() throws Exception {
        Path file = dir.resolve("short");
        Files.writeString(file, "s3cr3t");
        assertThatThrownBy(() -> ApiTokensLoader.load(List.of(Map.of("name", "a", "token-file", file.toString(), "scopes", "read"))))
                .hasMessageStartingWith("exporter.api.tokens[0].token-file").message().doesNotContain("s3cr3t");
    }

    @Test
    void twoSecretSourcesForOneTokenFail() {
        assertThatThrownBy(() -> ApiTokensLoader.load(List.of(Map.of("name", "a", "sha256", sha256("x"),
                "token-file", "/x", "scopes", "read")))).hasMessageStartingWith("exporter.api.tokens[0]: needs exactly one");
    }

    @Test
    void unknownPolicySettingFails() {
        assertThatThrownBy(() -> ApiTokensLoader.load(List.of(Map.of("name", "a", "sha256", sha256("x"), "scopes", "write",
                "policy", Map.of("ttl", "1h"))))).hasMessageStartingWith("exporter.api.tokens[0].policy.ttl: unknown setting");
    }

    @Test
    void aPolicyListsNoHooksUnlessItNamesThem() {
        ApiPrincipal none = ApiTokensLoader.load(List.of(Map.of("name", "a", "sha256", sha256(TOKEN), "scopes", "write",
                "policy", Map.of("mounts", List.of("pki_int"))))).authenticate(TOKEN).orElseThrow();
        ApiPrincipal some = ApiTokensLoader.load(List.of(Map.of("name", "a", "sha256", sha256(TOKEN), "scopes", "write",
                "policy", Map.of("hooks", "reload,notify", "issuer-refs", List.of("default"))))).authenticate(TOKEN).orElseThrow();

        assertThat(none.policy().hooks()).isNull();
        assertThat(some.policy().hooks()).extracting(Glob::toString).containsExactly("reload", "notify");
        assertThat(some.policy().issuerRefs()).extracting(Glob::toString).containsExactly("default");
    }

    @Test
    void anEmptyHookPatternFailsNamingTheSetting() {
        assertThatThrownBy(() -> ApiTokensLoader.load(List.of(Map.of("name", "a", "sha256", sha256("x"), "scopes", "write",
                "policy", Map.of("hooks", List.of(" ")))))).hasMessageStartingWith("exporter.api.tokens[0].policy.hooks");
    }

    @Test
    void duplicateNamesFail() {
        assertThatThrownBy(() -> ApiTokensLoader.load(List.of(
                Map.of("name", "a", "sha256", sha256("x"), "scopes", "read"),
                Map.of("name", "a", "sha256", sha256("y"), "scopes", "read")))).hasMessageStartingWith("exporter.api.tokens[1].name");
    }

    @Test
    void exportsAllowListRestrictsByGlob() {
        ApiPrincipal p = ApiTokensLoader.load(List.of(Map.of("name", "a", "sha256", sha256(TOKEN), "scopes", "read",
                "exports", List.of("web*", "db")))).authenticate(TOKEN).orElseThrow();
        assertThat(p.mayAccess("web-1")).isTrue();
        assertThat(p.mayAccess("db")).isTrue();
        assertThat(p.mayAccess("db2")).isFalse();
    }

    @Test
    void noTokensMeansEmpty() {
        assertThat(ApiTokensLoader.load(List.of()).isEmpty()).isTrue();
        assertThat(ApiTokensLoader.load(null).isEmpty()).isTrue();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

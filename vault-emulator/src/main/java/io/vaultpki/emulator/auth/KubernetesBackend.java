package io.vaultpki.emulator.auth;

import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.token.TokenSpec;
import io.vaultpki.emulator.token.TokenStore;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kubernetes: {@code POST auth/<mount>/login} with {@code role} and {@code jwt}. Instead of a TokenReview, the
 * emulator accepts exactly the JWT strings registered with {@link #acceptJwt}; any other JWT is denied (403).
 * Service-account metadata comes from the JWT's claims when it is a real JWT, else {@code default/default}.
 */
public final class KubernetesBackend extends LoginBackend {

    private final Map<String, TokenSpec> roles = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();

    public KubernetesBackend(TokenStore tokens, Clock clock) {
        super("kubernetes", tokens, clock);
    }

    public KubernetesBackend role(String name, TokenSpec spec) {
        roles.put(name, spec);
        return this;
    }

    public KubernetesBackend acceptJwt(String jwt) {
        accepted.add(jwt);
        return this;
    }

    /** Stops accepting a JWT (as when a projected token has expired). */
    public KubernetesBackend rejectJwt(String jwt) {
        accepted.remove(jwt);
        return this;
    }

    @Override
    EmulatorResponse login(EmulatorRequest request) {
        String role = text(request, "role");
        String jwt = text(request, "jwt");
        if (role.isEmpty()) {
            return EmulatorResponse.error(400, "missing role");
        }
        if (jwt.isEmpty()) {
            return EmulatorResponse.error(400, "missing jwt");
        }
        TokenSpec spec = roles.get(role);
        if (spec == null) {
            return EmulatorResponse.error(400, "invalid role name \"" + role + "\"");
        }
        if (!accepted.contains(jwt.trim())) {
            return EmulatorResponse.multiError(403, "permission denied");
        }
        var claims = JwtClaims.of(jwt.trim());
        String namespace = orDefault(JwtClaims.text(claims, "kubernetes.io", "namespace"),
                JwtClaims.text(claims, "kubernetes.io/serviceaccount/namespace"));
        String account = orDefault(JwtClaims.text(claims, "kubernetes.io", "serviceaccount", "name"),
                JwtClaims.text(claims, "kubernetes.io/serviceaccount/service-account.name"));
        String uid = orDefault(JwtClaims.text(claims, "kubernetes.io", "serviceaccount", "uid"),
                JwtClaims.text(claims, "kubernetes.io/serviceaccount/service-account.uid"));
        String secretName = JwtClaims.text(claims, "kubernetes.io/serviceaccount/secret.name");
        var metadata = Map.of(
                "role", role,
                "service_account_name", account == null ? "default" : account,
                "service_account_namespace", namespace == null ? "default" : namespace,
                "service_account_secret_name", secretName == null ? "" : secretName,
                "service_account_uid", uid == null ? "" : uid);
        return issue(request, spec, metadata.get("service_account_namespace") + "-"
                + metadata.get("service_account_name"), metadata);
    }

    private static String orDefault(String first, String second) {
        return first != null ? first : second;
    }
}

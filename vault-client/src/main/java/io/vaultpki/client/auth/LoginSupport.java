package io.vaultpki.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vaultpki.client.VaultException;
import io.vaultpki.client.VaultToken;
import io.vaultpki.client.http.VaultHttpResponse;
import io.vaultpki.client.http.VaultRequest;
import io.vaultpki.client.http.VaultResponseException;
import io.vaultpki.client.http.VaultTransport;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends a login request and reads the {@code auth} section of the answer
 * (docs/vault-compatibility.md#client-tokens-and-logins). Every failure becomes a {@link VaultLoginException} naming
 * the method and mount; the request body (which carries the credential) never reaches a message.
 */
final class LoginSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoginSupport() {
    }

    /**
     * @param body builds the request body; called here so credential-file errors are reported as login failures
     */
    static LoginToken login(VaultTransport transport, String method, String mount, String path,
                            Supplier<Map<String, Object>> body) {
        VaultHttpResponse response;
        try {
            response = transport.execute(VaultRequest.post(path, body.get()).unauthenticated(), null);
        } catch (VaultResponseException e) {
            String reason = e.errors().isEmpty() ? e.getMessage() : String.join("; ", e.errors());
            throw new VaultLoginException(method, mount, reason, e);
        } catch (VaultException e) {
            throw new VaultLoginException(method, mount, e.getMessage(), e);
        }
        return parse(response, method, mount);
    }

    static LoginToken parse(VaultHttpResponse response, String method, String mount) {
        JsonNode auth;
        try {
            auth = JSON.readTree(response.body()).path("auth");
        } catch (IOException e) {
            throw new VaultLoginException(method, mount, "the login response is not JSON", null);
        }
        if (!auth.isObject()) {
            throw new VaultLoginException(method, mount, "the login response has no auth section", null);
        }
        String clientToken = auth.path("client_token").asText("");
        if (clientToken.isEmpty()) {
            // an MFA-enforced login answers 200 with an empty token and the pending requirement
            // (docs/vault-compatibility.md#client-tokens-and-logins)
            String reason = auth.hasNonNull("mfa_requirement")
                    ? "MFA required: Vault asks for a second factor, which an unattended client cannot provide"
                    : "the login response has no client_token";
            throw new VaultLoginException(method, mount, reason, null);
        }
        List<String> policies = new ArrayList<>();
        auth.path("policies").forEach(p -> policies.add(p.asText()));
        auth.path("token_policies").forEach(p -> {
            if (!policies.contains(p.asText())) {
                policies.add(p.asText());
            }
        });
        return new LoginToken(VaultToken.of(clientToken, auth.path("accessor").asText("")),
                Duration.ofSeconds(auth.path("lease_duration").asLong(0)),
                auth.path("renewable").asBoolean(false), List.copyOf(policies), true, auth.path("token_type").asText(""));
    }

    /** Validates a required setting; the message names it. */
    static String require(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " must not be empty");
        }
        return value.strip();
    }

    /** Validates a mount: no leading/trailing slash, not empty. */
    static String mount(String value, String setting) {
        String m = require(value, setting);
        while (m.startsWith("/")) {
            m = m.substring(1);
        }
        while (m.endsWith("/")) {
            m = m.substring(0, m.length() - 1);
        }
        if (m.isEmpty()) {
            throw new IllegalArgumentException(setting + " must not be empty");
        }
        return m;
    }
}

package io.vaultpki.emulator.token;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaultpki.emulator.go.GoJson;
import io.vaultpki.emulator.go.GoText;
import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Operation;
import io.vaultpki.emulator.spi.TokenEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The token auth method at {@code auth/token/}: lookup-self, renew-self, revoke-self, renew, revoke and create
 * (https://developer.hashicorp.com/vault/api-docs/auth/token).
 */
public final class TokenBackend implements Backend {

    /**
     * Vault prints times in the server's local zone; a non-UTC offset exercises clients' parsing
     * (docs/vault-compatibility.md#emulator-tokens-and-logins).
     */
    static final ZoneOffset SERVER_OFFSET = ZoneOffset.ofHours(-4);

    private final TokenStore tokens;

    public TokenBackend(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public String type() {
        return "token";
    }

    @Override
    public boolean isUnauthenticated(Operation operation, String relativePath) {
        return false;
    }

    @Override
    public EmulatorResponse handle(EmulatorRequest request) {
        TokenEntry token = request.token().orElseThrow();
        return switch (request.relativePath()) {
            case "lookup-self" -> request.operation() == Operation.READ || request.operation() == Operation.UPDATE
                    ? EmulatorResponse.ok(lookup(token)) : Backend.unsupportedOperation();
            case "renew-self" -> request.operation() == Operation.UPDATE
                    ? renew(token, request.param("increment")) : Backend.unsupportedOperation();
            case "revoke-self" -> request.operation() == Operation.UPDATE
                    ? revoke(token) : Backend.unsupportedOperation();
            case "create" -> request.operation() == Operation.UPDATE
                    ? create(token, request) : Backend.unsupportedOperation();
            case "renew" -> request.operation() == Operation.UPDATE
                    ? byBody(request, true) : Backend.unsupportedOperation();
            case "revoke" -> request.operation() == Operation.UPDATE
                    ? byBody(request, false) : Backend.unsupportedOperation();
            default -> Backend.unsupportedPath();
        };
    }

    private ObjectNode lookup(TokenEntry token) {
        Instant now = tokens.now();
        var data = GoJson.object();
        data.put("accessor", token.accessor());
        data.put("creation_time", token.issueTime().getEpochSecond());
        data.put("creation_ttl", token.creationTtlSeconds());
        data.put("display_name", token.displayName());
        data.put("entity_id", token.entityId());
        if (token.expireTime() == null) {
            data.set("expire_time", NullNode.getInstance());
        } else {
            data.put("expire_time", rfc3339(token.expireTime()));
        }
        data.put("explicit_max_ttl", token.explicitMaxTtlSeconds());
        data.put("id", token.id());
        if (token.hasLease()) {
            data.put("issue_time", rfc3339(token.issueTime()));
            data.put("renewable", token.renewable());
        }
        if (token.meta() == null) {
            data.set("meta", NullNode.getInstance());
        } else {
            var meta = GoJson.object();
            token.meta().forEach(meta::put);
            data.set("meta", meta);
        }
        data.put("num_uses", 0);
        data.put("orphan", token.orphan());
        data.put("path", token.path());
        data.set("policies", GoJson.array(token.policies()));
        data.put("ttl", token.expireTime() == null ? 0
                : Math.max(0, token.expireTime().getEpochSecond() - now.getEpochSecond()));
        data.put("type", token.type());
        if (!token.namespace().isEmpty()) {
            data.put("namespace_path", token.namespace());
        }
        tokens.period(token.id()).ifPresent(p -> data.put("period", p.getSeconds()));
        if (token.lastRenewalTime() != null) {
            data.put("last_renewal_time", token.lastRenewalTime().getEpochSecond());
            data.put("last_renewal", rfc3339(token.lastRenewalTime()));
        }
        return data;
    }

    /**
     * {@code auth/token/renew} and {@code auth/token/revoke} with the token in the body, what Spring Vault's
     * {@code opsForToken().renew/revoke} call (https://developer.hashicorp.com/vault/api-docs/auth/token#renew-a-token,
     * #revoke-a-token). As {@code handleRenew} and {@code handleRevokeTree} in
     * https://github.com/openbao/openbao/blob/main/internal/vault/token_store.go: no token is 400
     * {@code missing token ID}; renewing an unknown one 400 {@code token not found}; revoking an unknown one 204.
     */
    private EmulatorResponse byBody(EmulatorRequest request, boolean renew) {
        String id = request.param("token");
        if (id == null || id.isBlank()) {
            return EmulatorResponse.error(400, "missing token ID");
        }
        var target = tokens.lookup(id);
        if (target.isEmpty()) {
            return renew ? EmulatorResponse.error(400, "token not found") : EmulatorResponse.noContent();
        }
        return renew ? renew(target.get(), request.param("increment")) : revoke(target.get());
    }

    private EmulatorResponse renew(TokenEntry token, String incrementText) {
        if (token.type().equals("batch")) {
            return EmulatorResponse.error(400, "batch tokens cannot be renewed");
        }
        if (!token.hasLease()) {
            return EmulatorResponse.error(400, "invalid lease ID");
        }
        if (!token.renewable() || token.expireTime() == null) {
            return EmulatorResponse.error(400, "lease is not renewable");
        }
        Duration increment;
        try {
            increment = incrementText == null || incrementText.isBlank() || incrementText.equals("0")
                    ? Duration.ofSeconds(token.creationTtlSeconds()) : GoText.parseDuration(incrementText);
        } catch (IllegalArgumentException e) {
            return EmulatorResponse.error(400, e.getMessage());
        }
        increment = tokens.period(token.id()).orElse(increment);
        Instant now = tokens.now();
        Duration ttl = increment;
        var warnings = new ArrayList<String>();
        Duration cap = null;
        if (token.explicitMaxTtlSeconds() > 0) {
            cap = Duration.between(now, token.issueTime().plusSeconds(token.explicitMaxTtlSeconds()));
        }
        if (token.maxTtlSeconds() > 0) {
            var maxCap = Duration.between(now, token.issueTime().plusSeconds(token.maxTtlSeconds()));
            cap = cap == null || maxCap.compareTo(cap) < 0 ? maxCap : cap;
        }
        if (cap != null && ttl.compareTo(cap) > 0) {
            cap = cap.isNegative() ? Duration.ZERO : cap;
            warnings.add("TTL of \"" + GoText.duration(ttl) + "\" exceeded the effective max_ttl of \""
                    + GoText.duration(cap) + "\"; TTL value is capped accordingly");
            ttl = cap;
        }
        var renewed = new TokenEntry(token.id(), token.accessor(), token.policies(), token.path(),
                token.displayName(), token.meta(), token.namespace(), token.type(), token.issueTime(),
                token.creationTtlSeconds(), now.plus(ttl), token.explicitMaxTtlSeconds(), token.maxTtlSeconds(),
                token.renewable(), token.hasLease(), token.orphan(), token.entityId(), now);
        tokens.replace(renewed);
        return EmulatorResponse.auth(AuthResponses.authBlock(renewed, now), warnings);
    }

    private EmulatorResponse revoke(TokenEntry token) {
        if (token.type().equals("batch")) {
            return EmulatorResponse.error(400, "batch tokens cannot be revoked");
        }
        tokens.revoke(token.id());
        return EmulatorResponse.noContent();
    }

    /** {@code auth/token/create}: policies, ttl, explicit_max_ttl, renewable, no_default_policy, type, period. */
    private EmulatorResponse create(TokenEntry parent, EmulatorRequest request) {
        var body = request.body();
        var policies = new ArrayList<String>();
        if (body.has("policies")) {
            body.get("policies").forEach(p -> policies.add(p.asText()));
        } else {
            policies.addAll(parent.policies());
        }
        if (policies.contains("root") && !parent.isRoot()) {
            return EmulatorResponse.error(400, "root tokens may not be created without parent token being root");
        }
        if (!parent.isRoot() && !parent.policies().containsAll(policies.stream()
                .filter(p -> !p.equals("default")).toList())) {
            return EmulatorResponse.error(400, "child policies must be subset of parent");
        }
        try {
            var spec = TokenSpec.builder()
                    .policies(List.copyOf(policies))
                    .ttl(duration(request.param("ttl"), policies.contains("root") ? Duration.ZERO : Duration.ofHours(768)))
                    .explicitMaxTtl(duration(request.param("explicit_max_ttl"), Duration.ZERO))
                    .period(duration(request.param("period"), Duration.ZERO))
                    .renewable(!"false".equals(request.param("renewable")))
                    .noDefaultPolicy("true".equals(request.param("no_default_policy")))
                    .type(request.param("type") == null ? "service" : request.param("type"))
                    .namespace(request.namespace())
                    .displayName(request.param("display_name") == null ? "token"
                            : "token-" + request.param("display_name"))
                    .path("auth/token/create")
                    .build();
            var created = tokens.createEntry(spec);
            return EmulatorResponse.auth(AuthResponses.authBlock(created, tokens.now()), List.of());
        } catch (IllegalArgumentException e) {
            return EmulatorResponse.error(400, e.getMessage());
        }
    }

    private static Duration duration(String text, Duration fallback) {
        return text == null || text.isBlank() ? fallback : GoText.parseDuration(text);
    }

    /** RFC3339Nano in the server's zone, trailing zero digits of the fraction dropped like Go. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(SERVER_OFFSET));
    }
}

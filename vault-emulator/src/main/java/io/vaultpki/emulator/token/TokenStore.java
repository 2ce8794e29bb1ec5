package io.vaultpki.emulator.token;

import io.vaultpki.emulator.spi.TokenEntry;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The emulator's tokens. Expiry follows the emulator's clock; an expired token is as dead as a revoked one. */
public final class TokenStore {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, TokenEntry> tokens = new ConcurrentHashMap<>();
    private final Map<String, Duration> periods = new ConcurrentHashMap<>();
    private final Clock clock;

    public TokenStore(Clock clock) {
        this.clock = clock;
    }

    /** Creates a token and returns its id ({@code hvs.}/{@code hvb.} prefixed). */
    public String create(TokenSpec spec) {
        return createEntry(spec).id();
    }

    /** Creates a token and returns the full entry (used by logins, which report accessor and TTL). */
    public TokenEntry createEntry(TokenSpec spec) {
        boolean batch = spec.type().equals("batch");
        String id = (batch ? "hvb." : "hvs.") + random(batch ? 60 : 24);
        var policies = new TreeSet<>(spec.policies());
        if (!spec.noDefaultPolicy() && !policies.contains("root")) {
            policies.add("default");
        }
        Instant now = clock.instant();
        Duration ttl = spec.period().isZero() ? spec.ttl() : spec.period();
        if (!spec.explicitMaxTtl().isZero() && (ttl.isZero() || ttl.compareTo(spec.explicitMaxTtl()) > 0)) {
            ttl = spec.explicitMaxTtl();
        }
        String displayName = spec.displayName().isEmpty() ? "token" : spec.displayName();
        var entry = new TokenEntry(id, batch ? "" : random(24), List.copyOf(policies), spec.path(), displayName,
                spec.meta(), spec.namespace(), spec.type(), now, ttl.getSeconds(),
                ttl.isZero() ? null : now.plus(ttl), spec.explicitMaxTtl().getSeconds(), spec.maxTtl().getSeconds(),
                spec.renewable() && !batch && !ttl.isZero(), true, !spec.path().equals("auth/token/create"),
                UUID.randomUUID().toString(), null);
        tokens.put(id, entry);
        if (!spec.period().isZero()) {
            periods.put(id, spec.period());
        }
        return entry;
    }

    /** The init-style root token: policies [root], path auth/token/root, no lease, never expires. */
    public TokenEntry createRoot() {
        String id = "hvs." + random(24);
        var entry = new TokenEntry(id, random(24), List.of("root"), "auth/token/root", "root", null, "", "service",
                clock.instant(), 0, null, 0, 0, false, false, true, "", null);
        tokens.put(id, entry);
        return entry;
    }

    public void revoke(String token) {
        tokens.remove(token);
        periods.remove(token);
    }

    /** The live entry for a token; empty when unknown, revoked or expired. */
    public Optional<TokenEntry> lookup(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        var entry = tokens.get(token);
        if (entry == null || entry.isExpired(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** All live tokens (for assertions such as "the client revoked what it created"). */
    public List<TokenEntry> all() {
        Instant now = clock.instant();
        return new ArrayList<>(tokens.values().stream().filter(t -> !t.isExpired(now)).toList());
    }

    Optional<Duration> period(String token) {
        return Optional.ofNullable(periods.get(token));
    }

    void replace(TokenEntry entry) {
        tokens.put(entry.id(), entry);
    }

    Instant now() {
        return clock.instant();
    }

    private static String random(int length) {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}

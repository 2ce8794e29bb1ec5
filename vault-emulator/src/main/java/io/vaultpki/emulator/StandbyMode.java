package io.vaultpki.emulator;

import java.net.URI;
import java.util.Objects;

/**
 * How the emulated node behaves as an HA standby: forward, redirect (307) or no active node (503)
 * (docs/vault-compatibility.md#emulator-node-endpoints-seal-and-standby).
 */
public final class StandbyMode {

    /** Answers every request as if forwarded to the active node; only {@code sys/health} reveals the standby (429). */
    public static final StandbyMode FORWARD = new StandbyMode(Kind.FORWARD, null);
    /** Every logical request answers 503 {@code no active Vault instance found}. */
    public static final StandbyMode NO_ACTIVE = new StandbyMode(Kind.NO_ACTIVE, null);

    enum Kind { FORWARD, REDIRECT, NO_ACTIVE }

    private final Kind kind;
    private final URI active;

    private StandbyMode(Kind kind, URI active) {
        this.kind = kind;
        this.active = active;
    }

    /** Forwarding disabled: every logical request answers 307 to {@code active} with the same path and query. */
    public static StandbyMode redirect(URI active) {
        return new StandbyMode(Kind.REDIRECT, Objects.requireNonNull(active));
    }

    Kind kind() {
        return kind;
    }

    URI active() {
        return active;
    }

    @Override
    public String toString() {
        return kind == Kind.REDIRECT ? "REDIRECT(" + active + ")" : kind.name();
    }
}

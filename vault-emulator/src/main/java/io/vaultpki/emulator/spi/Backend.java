package io.vaultpki.emulator.spi;

/**
 * A secrets engine or auth method mounted in the emulator. The server resolves the mount by longest prefix,
 * checks the token against the ACL (unless {@link #isUnauthenticated} says the path is open), then calls
 * {@link #handle}. Backends never render HTTP themselves.
 */
public interface Backend {

    /** Mount type as {@code sys/mounts} reports it: {@code pki}, {@code kubernetes}, {@code approle}, ... */
    String type();

    /**
     * Whether {@code relativePath} is in the backend's {@code PathsSpecial.Unauthenticated} list for this
     * operation (a bad token is then ignored; docs/vault-compatibility.md#emulator-errors-and-status-codes).
     */
    boolean isUnauthenticated(Operation operation, String relativePath);

    /** Handles one request routed to this mount. Unknown paths answer {@code 404 unsupported path}. */
    EmulatorResponse handle(EmulatorRequest request);

    /** The standard answer for a path the backend has no route for. */
    static EmulatorResponse unsupportedPath() {
        return EmulatorResponse.multiError(404, "unsupported path");
    }

    /** The standard answer for a route that exists but not for this operation. */
    static EmulatorResponse unsupportedOperation() {
        return EmulatorResponse.multiError(405, "unsupported operation");
    }
}

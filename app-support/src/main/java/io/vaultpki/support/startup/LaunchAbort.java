package io.vaultpki.support.startup;

/**
 * Carries a failure out of {@code Micronaut.start()} instead of letting it log the whole chain and call
 * {@code System.exit}, together with what the launcher needs from the configuration Micronaut had read: the
 * {@code vault.address} setting (null: unset) and whether the trace was asked for.
 */
final class LaunchAbort extends RuntimeException {

    private final transient String configuredVaultAddress;
    private final boolean traceRequested;

    LaunchAbort(Throwable cause, String configuredVaultAddress, boolean traceRequested) {
        super(cause.getMessage(), cause, false, false);
        this.configuredVaultAddress = configuredVaultAddress;
        this.traceRequested = traceRequested;
    }

    /** Whether {@code logger.levels} puts the launcher's logger at DEBUG or finer. */
    boolean traceRequested() {
        return traceRequested;
    }

    String configuredVaultAddress() {
        return configuredVaultAddress;
    }
}

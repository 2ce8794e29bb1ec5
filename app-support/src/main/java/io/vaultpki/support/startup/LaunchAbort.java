package io.vaultpki.support.startup;

/**
 * Carries a failure out of {@code Micronaut.start()} instead of letting it log the whole chain and call
 * {@code System.exit}, together with the {@code vault.address} setting Micronaut had resolved (null: unset).
 */
final class LaunchAbort extends RuntimeException {

    private final transient String configuredVaultAddress;

    LaunchAbort(Throwable cause, String configuredVaultAddress) {
        super(cause.getMessage(), cause, false, false);
        this.configuredVaultAddress = configuredVaultAddress;
    }

    String configuredVaultAddress() {
        return configuredVaultAddress;
    }
}

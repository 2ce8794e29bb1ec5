package io.vaultpki.emulator.spi;

/**
 * Which server the emulator imitates. OpenBao's API differs from Vault's in the points listed per constant
 * (https://openbao.org/api-docs/).
 */
public enum Flavor {
    /** HashiCorp Vault CE, 1.15+ behaviour (top-level {@code mount_type}, "invalid token" second error, ...). */
    VAULT,
    /** OpenBao 2.x (no {@code mount_type}, "permission denied" only, LIST pagination, ...). */
    OPENBAO
}

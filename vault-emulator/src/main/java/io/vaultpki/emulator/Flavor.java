package io.vaultpki.emulator;

/**
 * Which server the emulator imitates. The differences that matter to a client are listed in
 * {@code ../shared/vault-api.md} section 6 (OpenBao differences).
 */
public enum Flavor {
    /** HashiCorp Vault CE, 1.15+ behaviour (top-level {@code mount_type}, "invalid token" second error, ...). */
    VAULT,
    /** OpenBao 2.x (no {@code mount_type}, "permission denied" only, LIST pagination, ...). */
    OPENBAO
}

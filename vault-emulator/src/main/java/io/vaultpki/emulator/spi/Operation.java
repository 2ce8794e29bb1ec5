package io.vaultpki.emulator.spi;

/**
 * Vault's logical operations (https://developer.hashicorp.com/vault/api-docs#api-operations): LIST and
 * GET ?list=true both become {@link #LIST}.
 */
public enum Operation {
    READ, LIST, UPDATE, DELETE, PATCH, HEAD;

    /** ACL capability a token needs for this operation (UPDATE is "update"; Vault also accepts "create" for new paths). */
    public String capability() {
        return switch (this) {
            case READ, HEAD -> "read";
            case LIST -> "list";
            case UPDATE -> "update";
            case DELETE -> "delete";
            case PATCH -> "patch";
        };
    }
}

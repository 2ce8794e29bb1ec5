package io.vaultpki.emulator.spi;

/**
 * The one form a namespace takes in the emulator (requests, tokens, mounts): {@code ns1/ns2/} with a trailing
 * slash and no leading one, {@code ""} for the root namespace, like Vault's {@code namespace.Canonicalize}
 * (https://developer.hashicorp.com/vault/docs/enterprise/namespaces).
 */
public final class NamespacePath {

    private NamespacePath() {
    }

    /** {@code "ns1"}, {@code "/ns1/"} → {@code "ns1/"}; null or blank → root ({@code ""}). */
    public static String normalize(String namespace) {
        if (namespace == null) {
            return "";
        }
        String ns = namespace.trim();
        while (ns.startsWith("/")) {
            ns = ns.substring(1);
        }
        if (ns.isEmpty()) {
            return "";
        }
        return ns.endsWith("/") ? ns : ns + "/";
    }
}

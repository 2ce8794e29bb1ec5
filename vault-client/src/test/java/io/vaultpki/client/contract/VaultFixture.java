package io.vaultpki.client.contract;

import java.net.URI;

/**
 * A Vault to run the client contract against: the emulator, or a real {@code hashicorp/vault} or
 * {@code openbao/openbao} container. {@link #prepare()} builds the same content in each:
 * <ul>
 *   <li>mount {@code pki/} with a root CA "Contract Root" (issuer name {@code root-ca}, EC);</li>
 *   <li>nested mount {@code team/a/pki/} with an intermediate "Contract Intermediate" signed by that root, and a
 *       role {@code web} for subdomains of {@code example.com} (ttl 24h, max 72h);</li>
 *   <li>a policy {@code pki-client}: read {@code sys/mounts}, read/list {@code pki/*}, read/list/update
 *       {@code team/a/pki/*};</li>
 *   <li>AppRole role {@code contract} and userpass user {@code alice}, both with {@code pki-client}.</li>
 * </ul>
 */
public interface VaultFixture {

    URI address();

    String rootToken();

    Credentials prepare() throws Exception;

    /** What {@link #prepare()} created; the contract test logs in with these. */
    record Credentials(String appRoleRoleId, String appRoleSecretId, String username, String password,
                       String clientToken) {

        @Override
        public String toString() {
            return "Credentials[****]";
        }
    }
}

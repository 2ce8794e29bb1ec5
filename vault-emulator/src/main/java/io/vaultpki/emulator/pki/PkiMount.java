package io.vaultpki.emulator.pki;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Test-facing setup API of one emulated PKI mount: seed issuers, roles and leaves directly (no HTTP), and switch on
 * the odd behaviours tests need (pre-1.11 mount, unparsable PEMs, CRL lifetime). Everything made here is visible
 * to the HTTP endpoints at once.
 */
public interface PkiMount {

    /** Mount path with trailing slash, e.g. {@code team/a/pki/}. */
    String path();

    /** Namespace with trailing slash, {@code ""} for root. */
    String namespace();

    /** Generates a self-signed root; the first issuer of a mount becomes its default. */
    Issuer generateRoot(IssuerSpec spec);

    /**
     * Reissues a root of this mount with its key and subject, as {@code root/rotate/existing} with
     * {@code key_ref} does: a new issuer ID and certificate ({@code spec} names it and sets its validity; its common
     * name is ignored) sharing one CRL with {@code existing}, since Vault builds one CRL per key and subject
     * (https://developer.hashicorp.com/vault/api-docs/secret/pki#read-issuer-crl).
     */
    Issuer rotateRoot(Issuer existing, IssuerSpec spec);

    /** Generates an intermediate signed by {@code parent}, which may belong to another mount. */
    Issuer generateIntermediate(IssuerSpec spec, Issuer parent);

    /**
     * Imports a CA certificate without its key, as a {@code set-signed} bundle does: {@code issuer_name ""} and
     * {@code key_id ""} (docs/vault-compatibility.md#emulator-pki-engine). {@code parents} complete its {@code ca_chain} towards the root.
     */
    Issuer importIssuer(X509Certificate certificate, X509Certificate... parents);

    /** Makes the issuer the default ({@code config/issuers}). */
    void setDefault(String issuerId);

    /** The default issuer, if one is configured. */
    Optional<Issuer> defaultIssuer();

    /** Deletes an issuer; roles naming it then fail to issue (docs/vault-compatibility.md#emulator-pki-engine). */
    void deleteIssuer(String issuerId);

    /** Issuers in creation order. */
    List<Issuer> issuers();

    /** Creates or replaces a role. */
    Role role(RoleSpec spec);

    /** Signs and stores one leaf (no role checks). */
    Leaf issueLeaf(LeafSpec spec);

    /**
     * Stores {@code count} leaves sharing one key pair; each certificate is signed on first read, so 100,000
     * leaves seed in well under a second. A {@code %d} in the template's common name becomes the leaf's index.
     *
     * @return the serials in colon hex, in creation order
     */
    List<String> issueLeaves(int count, LeafSpec template);

    /**
     * Signs now every certificate {@link #issueLeaves} deferred (on all cores), so that later reads are answered
     * from storage as a real Vault's are, without the emulator's signing time in a benchmark's measurement.
     */
    void signDeferred();

    /** Revokes a stored certificate as {@code POST revoke} would, rebuilding the CRL; returns the revocation time. */
    Instant revoke(String serial);

    /** Serials listed by {@code LIST certs}. */
    List<String> certificateSerials();

    /** Emulates a pre-1.11 mount: {@code issuers}, {@code issuer/*} and {@code config/issuers} answer 404 unsupported path. */
    void legacy(boolean legacy);

    /** Serves a PEM (and DER) that does not parse for this certificate serial or issuer id. */
    void corruptCertificate(String serialOrIssuerId);

    /** Lifetime of CRLs built from now on (default 72h); the {@code expiry} of {@link #crlConfig(CrlConfig)}. */
    void crlExpiry(Duration expiry);

    /** Replaces {@code config/crl} (start from {@link CrlConfig#defaults()}); CRLs are rebuilt on next read. */
    void crlConfig(CrlConfig config);

    /** Replaces {@code config/auto-tidy} (start from {@link AutoTidyConfig#defaults()}). */
    void autoTidy(AutoTidyConfig config);

    /**
     * Sets what {@code tidy-status} reports: the last run (its parameters are the {@link AutoTidyConfig}'s) and
     * {@code last_auto_tidy_finished} (null: unchanged; Vault reports the mount's start-up time until an auto-tidy
     * finishes).
     */
    void tidyRun(TidyRun run, Instant lastAutoTidyFinished);

    /** Replaces {@code config/acme} (start from {@link AcmeConfig#defaults()}). */
    void acmeConfig(AcmeConfig config);

    /** Replaces {@code config/cluster}. */
    void clusterConfig(ClusterConfig config);

    /**
     * Marks an issuer's key as held by a managed-key backend (an HSM): {@code key/<id>} then carries
     * {@code managed_key_id} and {@code managed_key_name}.
     *
     * @throws IllegalArgumentException when no issuer of the mount holds the key
     */
    void managedKey(String keyId, String managedKeyName);

    /** Sets the key's {@code key_name} (default {@code ""}); {@code key/<name>} then resolves it. */
    void keyName(String keyId, String name);
}

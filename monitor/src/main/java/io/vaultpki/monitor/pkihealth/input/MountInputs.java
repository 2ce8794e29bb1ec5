package io.vaultpki.monitor.pkihealth.input;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the health checks read from one PKI mount. Each read is a {@link Fetched}: a check whose read was
 * refused or is unsupported says so in its result, and every other check still runs. Per-object reads (keys, CRLs,
 * roles) are maps, so that one refused object does not hide the others. Build it with {@link #builder(String)}:
 * whatever is not set is {@link Fetched.NotRead}.
 *
 * @param path               the mount path without slashes at either end, namespace included ({@code ns1/pki})
 * @param issuers            {@code LIST issuers} with each {@code issuer/<id>/json}
 * @param keys               {@code key/<key_id>} by key id, for the root issuers' keys
 * @param crls               {@code issuer/<id>/crl} by issuer id
 * @param deltaCrls          {@code issuer/<id>/crl/delta} by issuer id
 * @param crlConfig          {@code config/crl}
 * @param leaves             the first stored certificates ({@code LIST certs}, {@code cert/<serial>}), in the
 *                           order Vault lists them; the adapter reads at least {@code certs_to_fetch} of them
 * @param storedCertificates how many serials {@code LIST certs} returned
 * @param roles              {@code LIST roles}, and each {@code roles/<name>} by name
 * @param tune               {@code sys/mounts/<mount>/tune}
 * @param autoTidy           {@code config/auto-tidy}
 * @param tidyStatus         {@code tidy-status}
 * @param acme               {@code config/acme}
 * @param cluster            {@code config/cluster}
 */
public record MountInputs(String path, Fetched<List<IssuerInput>> issuers, Map<String, Fetched<KeyInput>> keys,
                          Map<String, Fetched<CrlInput>> crls, Map<String, Fetched<CrlInput>> deltaCrls,
                          Fetched<CrlConfig> crlConfig, Fetched<List<LeafInput>> leaves,
                          Fetched<Long> storedCertificates, Fetched<Map<String, Fetched<RoleInput>>> roles,
                          Fetched<MountTune> tune, Fetched<AutoTidyConfig> autoTidy, Fetched<TidyStatus> tidyStatus,
                          Fetched<AcmeConfig> acme, Fetched<ClusterConfig> cluster) {

    public MountInputs {
        path = trimSlashes(Objects.requireNonNull(path, "path"));
        issuers = Objects.requireNonNull(issuers, "issuers").map(List::copyOf);
        keys = sorted(keys);
        crls = sorted(crls);
        deltaCrls = sorted(deltaCrls);
        Objects.requireNonNull(crlConfig, "crlConfig");
        leaves = Objects.requireNonNull(leaves, "leaves").map(List::copyOf);
        Objects.requireNonNull(storedCertificates, "storedCertificates");
        roles = Objects.requireNonNull(roles, "roles").map(MountInputs::sorted);
        Objects.requireNonNull(tune, "tune");
        Objects.requireNonNull(autoTidy, "autoTidy");
        Objects.requireNonNull(tidyStatus, "tidyStatus");
        Objects.requireNonNull(acme, "acme");
        Objects.requireNonNull(cluster, "cluster");
    }

    /** A builder for the mount at {@code path}, every read {@link Fetched.NotRead}. */
    public static Builder builder(String path) {
        return new Builder(path);
    }

    /** {@code <path>/<relative>}, the endpoint a result names. */
    public String endpoint(String relative) {
        return path + "/" + relative;
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? Map.of() : map));
    }

    private static String trimSlashes(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Collects one mount's reads; unset ones stay {@link Fetched.NotRead}. */
    public static final class Builder {
        private final String path;
        private Fetched<List<IssuerInput>> issuers = Fetched.notRead();
        private Map<String, Fetched<KeyInput>> keys = Map.of();
        private Map<String, Fetched<CrlInput>> crls = Map.of();
        private Map<String, Fetched<CrlInput>> deltaCrls = Map.of();
        private Fetched<CrlConfig> crlConfig = Fetched.notRead();
        private Fetched<List<LeafInput>> leaves = Fetched.notRead();
        private Fetched<Long> storedCertificates = Fetched.notRead();
        private Fetched<Map<String, Fetched<RoleInput>>> roles = Fetched.notRead();
        private Fetched<MountTune> tune = Fetched.notRead();
        private Fetched<AutoTidyConfig> autoTidy = Fetched.notRead();
        private Fetched<TidyStatus> tidyStatus = Fetched.notRead();
        private Fetched<AcmeConfig> acme = Fetched.notRead();
        private Fetched<ClusterConfig> cluster = Fetched.notRead();

        private Builder(String path) {
            this.path = path;
        }

        public Builder issuers(Fetched<List<IssuerInput>> value) { issuers = value; return this; }
        public Builder keys(Map<String, Fetched<KeyInput>> value) { keys = value; return this; }
        public Builder crls(Map<String, Fetched<CrlInput>> value) { crls = value; return this; }
        public Builder deltaCrls(Map<String, Fetched<CrlInput>> value) { deltaCrls = value; return this; }
        public Builder crlConfig(Fetched<CrlConfig> value) { crlConfig = value; return this; }
        public Builder leaves(Fetched<List<LeafInput>> value) { leaves = value; return this; }
        public Builder storedCertificates(Fetched<Long> value) { storedCertificates = value; return this; }
        public Builder roles(Fetched<Map<String, Fetched<RoleInput>>> value) { roles = value; return this; }
        public Builder tune(Fetched<MountTune> value) { tune = value; return this; }
        public Builder autoTidy(Fetched<AutoTidyConfig> value) { autoTidy = value; return this; }
        public Builder tidyStatus(Fetched<TidyStatus> value) { tidyStatus = value; return this; }
        public Builder acme(Fetched<AcmeConfig> value) { acme = value; return this; }
        public Builder cluster(Fetched<ClusterConfig> value) { cluster = value; return this; }

        public MountInputs build() {
            return new MountInputs(path, issuers, keys, crls, deltaCrls, crlConfig, leaves, storedCertificates,
                    roles, tune, autoTidy, tidyStatus, acme, cluster);
        }
    }
}

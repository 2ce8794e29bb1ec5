package io.vaultpki.exporter.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.vaultpki.client.GoDurations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code exporter.*}: where exports go and how often public exports are re-read.
 *
 * <p>Environment compatibility with the Nomad job: {@code CERT_EXPORT_PATH} (export root, default
 * {@code /exported-certs}), {@code PKI_MOUNT_PATH} (mount of exports that name none, default {@code pki}) and
 * {@code MONITOR_INTERVAL} (Go duration, the refresh interval of issuer and certificate exports, default 5 min).
 * An {@code exporter.*} setting wins over the variable.
 */
@ConfigurationProperties("exporter")
public class ExporterConfiguration {

    /** As the export specs' mount check: segments of letters, digits, {@code _ . -}. */
    private static final java.util.regex.Pattern MOUNT = java.util.regex.Pattern.compile("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$");

    static final Path DEFAULT_PATH = Path.of("/exported-certs");
    static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);

    private Path path;
    private String defaultMount;
    private Duration refreshInterval;
    private int concurrency = 4;
    private Duration schedulerTick = Duration.ofSeconds(1);
    private boolean readinessRequiresVault;

    /** The export root. */
    public Path path() {
        return path != null ? path : env("CERT_EXPORT_PATH", System.getenv()).map(Path::of).orElse(DEFAULT_PATH);
    }

    public void setPath(Path path) {
        this.path = path;
    }

    /** Mount used by exports that name none. */
    public String defaultMount() {
        return defaultMount != null ? defaultMount : env("PKI_MOUNT_PATH", System.getenv()).orElse("pki");
    }

    public void setDefaultMount(String defaultMount) {
        this.defaultMount = defaultMount;
    }

    /** How often issuer and certificate exports are re-read (rewritten only when they changed). */
    public Duration refreshInterval() {
        return effectiveRefreshInterval(refreshInterval, System.getenv());
    }

    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    /** Issue and sign calls in flight at once (default 4): an exporter must never become Vault's load. */
    public int concurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    /** How often the scheduler looks for due exports (default 1 s). */
    public Duration schedulerTick() {
        return schedulerTick;
    }

    public void setSchedulerTick(Duration schedulerTick) {
        this.schedulerTick = schedulerTick;
    }

    /** Whether readiness also needs Vault reachable (default false: valid files are enough). */
    public boolean readinessRequiresVault() {
        return readinessRequiresVault;
    }

    public void setReadinessRequiresVault(boolean readinessRequiresVault) {
        this.readinessRequiresVault = readinessRequiresVault;
    }

    static Duration effectiveRefreshInterval(Duration configured, Map<String, String> env) {
        if (configured != null) {
            return configured;
        }
        return env("MONITOR_INTERVAL", env).map(v -> GoDurations.parse(v).orElseThrow(() ->
                new ConfigurationException("MONITOR_INTERVAL: not a duration such as 90s or 5m: '" + v + "'")))
                .orElse(DEFAULT_REFRESH);
    }

    private static java.util.Optional<String> env(String name, Map<String, String> env) {
        String v = env.get(name);
        return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v.trim());
    }

    /** Checks every setting; the message names the offending one. */
    public ExporterConfiguration validate() {
        Duration refresh = refreshInterval();
        if (refresh.isNegative() || refresh.isZero()) {
            throw new ConfigurationException("exporter.refresh-interval must be positive, was " + refresh);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new ConfigurationException("exporter.concurrency must be between 1 and 64, was " + concurrency);
        }
        if (schedulerTick == null || schedulerTick.isNegative() || schedulerTick.isZero()) {
            throw new ConfigurationException("exporter.scheduler-tick must be positive, was " + schedulerTick);
        }
        if (!path().isAbsolute()) {
            throw new ConfigurationException("exporter.path (CERT_EXPORT_PATH) must be an absolute path, was " + path());
        }
        String mount = defaultMount();
        String trimmed = mount.strip().replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty() || trimmed.length() > 256 || !MOUNT.matcher(trimmed).matches()
                || java.util.Arrays.asList(trimmed.split("/")).contains("..")
                || java.util.Arrays.asList(trimmed.split("/")).contains(".")) {
            throw new ConfigurationException("exporter.default-mount (PKI_MOUNT_PATH) is not a mount path such as pki_int or"
                    + " team/a/pki: '" + mount.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return this;
    }
}

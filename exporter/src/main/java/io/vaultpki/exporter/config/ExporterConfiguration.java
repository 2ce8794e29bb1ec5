package io.vaultpki.exporter.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;
import io.vaultpki.exporter.layout.ExportLayout;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code exporter.*}: where exports go, which mount they use by default and how often public exports are re-read.
 * Checked once, when the bean is built at start-up; every message names the setting. The variables of the Nomad job
 * ({@code CERT_EXPORT_PATH}, {@code PKI_MOUNT_PATH}, {@code MONITOR_INTERVAL}) reach these settings through
 * {@link ExporterEnvironmentAliases}, never through this class.
 *
 * @param path                   the export root ({@code CERT_EXPORT_PATH}), absolute; its layout is
 *                               {@link ExportLayout}'s
 * @param defaultMount           the mount of exports that name none ({@code PKI_MOUNT_PATH})
 * @param refreshInterval        how often issuer and certificate exports are re-read ({@code MONITOR_INTERVAL});
 *                               they are rewritten only when they changed
 * @param concurrency            issue and sign calls in flight at once: an exporter must never become Vault's load
 * @param schedulerTick          how often the scheduler looks for due exports
 * @param readinessRequiresVault whether readiness also needs Vault reachable (by default valid files are enough)
 */
@Context
@ConfigurationProperties("exporter")
public record ExporterConfiguration(
        @Bindable(defaultValue = ExportLayout.DEFAULT_ROOT) Path path,
        @Bindable(defaultValue = "pki") String defaultMount,
        @Bindable(defaultValue = "5m") Duration refreshInterval,
        @Bindable(defaultValue = "4") @Min(value = 1, message = CONCURRENCY) @Max(value = 64, message = CONCURRENCY)
        int concurrency,
        @Bindable(defaultValue = "1s") Duration schedulerTick,
        @Bindable(defaultValue = "false") boolean readinessRequiresVault) {

    static final String CONCURRENCY = "exporter.concurrency must be between 1 and 64, was {validatedValue}";

    /**
     * The Micronaut environment of a one-shot run ({@code --once}): no HTTP server, so what only the server uses (the
     * API's tokens and their secret files) is neither loaded nor required.
     */
    public static final String ONE_SHOT_ENVIRONMENT = "once";

    /** As the export specs' mount check: segments of letters, digits, {@code _ . -}. */
    private static final Pattern MOUNT = Pattern.compile("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$");

    public ExporterConfiguration {
        requirePositive("exporter.refresh-interval", refreshInterval);
        requirePositive("exporter.scheduler-tick", schedulerTick);
        if (path == null || !path.isAbsolute()) {
            throw new ConfigurationException("exporter.path (CERT_EXPORT_PATH) must be an absolute path, was " + path);
        }
        requireMount(defaultMount);
    }

    /** The paths under {@link #path()}. */
    public ExportLayout layout() {
        return new ExportLayout(path);
    }

    private static void requirePositive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ConfigurationException(setting + " must be positive, was " + value);
        }
    }

    private static void requireMount(String mount) {
        String trimmed = mount == null ? "" : mount.strip().replaceAll("^/+|/+$", "");
        List<String> segments = Arrays.asList(trimmed.split("/"));
        if (trimmed.isEmpty() || trimmed.length() > 256 || !MOUNT.matcher(trimmed).matches()
                || segments.contains("..") || segments.contains(".")) {
            throw new ConfigurationException("exporter.default-mount (PKI_MOUNT_PATH) is not a mount path such as pki_int"
                    + " or team/a/pki: '" + String.valueOf(mount).replaceAll("\\p{Cntrl}", "?") + "'");
        }
    }
}

package io.vaultpki.support.startup;

import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import io.vaultpki.client.VaultConfigurationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StartupFailuresTest {

    /** An application's own setting error, as the exporter's ApiConfigurationException. */
    static final class AppSettingException extends RuntimeException {
        AppSettingException(String message) {
            super(message);
        }
    }

    private final StartupFailures failures = new StartupFailures(List.of(AppSettingException.class),
            Map.of("MONITOR_REFRESH_CONCURRENCY", "abc"));

    /** Micronaut's wrapping of a bean constructor's exception: the bean path repeated in every message. */
    private static RuntimeException micronautWrapped(Throwable cause) {
        String path = "\n\nMessage: " + cause.getMessage() + "\nPath Taken:\n@i.m.c.a.Context i.v.c.VaultClient ...";
        return new BeanInstantiationException("Bean definition [io.vaultpki.client.VaultClient] could not be loaded: "
                + "Error instantiating bean of type [io.vaultpki.client.VaultClient]" + path,
                new BeanInstantiationException("Error instantiating bean of type [io.vaultpki.client.VaultClient]" + path, cause));
    }

    @Test
    void vaultClientsSettingErrorInsideMicronautsWrappersIsTheMessage() {
        StartupFailure f = failures.explain(micronautWrapped(
                new VaultConfigurationException("vault.tls.ca-cert", "file /x does not exist")));
        assertThat(f.kind()).isEqualTo(StartupFailure.Kind.CONFIGURATION);
        assertThat(f.exitCode()).isEqualTo(2);
        assertThat(f.line("vault-pki-monitor"))
                .isEqualTo("vault-pki-monitor: configuration error: vault.tls.ca-cert: file /x does not exist");
    }

    @Test
    void theOutermostSettingErrorWinsBecauseItNamesWhatTheUserWrote() {
        VaultConfigurationException outer = new VaultConfigurationException("VAULT_CLIENT_KEY", "cannot read the key",
                new ConfigurationException("inner detail"));
        assertThat(failures.explain(micronautWrapped(outer)).message()).isEqualTo("VAULT_CLIENT_KEY: cannot read the key");
    }

    @Test
    void micronautsConfigurationExceptionAndTheApplicationsOwnTypesAreSettingErrors() {
        assertThat(failures.explain(micronautWrapped(new ConfigurationException(
                "MONITOR_INTERVAL is not a duration such as 90s or 1h: abc"))))
                .extracting(StartupFailure::kind, StartupFailure::message)
                .containsExactly(StartupFailure.Kind.CONFIGURATION, "MONITOR_INTERVAL is not a duration such as 90s or 1h: abc");
        assertThat(failures.explain(micronautWrapped(new AppSettingException(
                "exporter.api.tokens[0].scopes: unknown scope 'admin'"))))
                .extracting(StartupFailure::kind, StartupFailure::message)
                .containsExactly(StartupFailure.Kind.CONFIGURATION, "exporter.api.tokens[0].scopes: unknown scope 'admin'");
    }

    @Test
    void aValueMicronautCannotConvertNamesThePropertyTheTypeAndTheVariableItCameFrom() {
        // Micronaut's DependencyInjectionException carries the conversion error only as text, without a cause
        RuntimeException e = new BeanInstantiationException("Bean definition [RefreshJob] could not be loaded: Failed to "
                + "inject value for parameter [concurrency]", new BeanInstantiationException(
                "Failed to inject value for parameter [concurrency] of method [setConcurrency]\n\nMessage: Error "
                        + "resolving property value [monitor.refresh.concurrency]. Unable to convert value [abc] to "
                        + "target type [int] due to: For input string: \"abc\"\nPath Taken: ..."));
        StartupFailure f = failures.explain(e);
        assertThat(f.kind()).isEqualTo(StartupFailure.Kind.CONFIGURATION);
        assertThat(f.message()).isEqualTo("monitor.refresh.concurrency: not a valid int: 'abc' "
                + "(environment variable MONITOR_REFRESH_CONCURRENCY)");
    }

    @Test
    void aSettingsRecordThatFailsItsConstraintsIsTheConstraintsMessagesOnOneLine() {
        // Micronaut validation's text, the only thing its BeanInstantiationException carries
        String violations = "Validation failed for bean definition [io.vaultpki.monitor.refresh.RefreshConfiguration]\n"
                + "List of constraint violations:[\n"
                + "\tio.vaultpki.monitor.refresh.RefreshConfiguration.concurrency - monitor.refresh.concurrency must be at"
                + " least 1, was 0\n"
                + "\tio.vaultpki.monitor.refresh.RefreshConfiguration.interval - monitor.refresh.interval must be positive,"
                + " was PT0S\n]";
        StartupFailure f = failures.explain(micronautWrapped(new BeanInstantiationException(
                "Error instantiating bean of type [RefreshConfiguration]\n\nMessage: " + violations + "\nPath Taken: ...")));
        assertThat(f.kind()).isEqualTo(StartupFailure.Kind.CONFIGURATION);
        assertThat(f.message()).isEqualTo("monitor.refresh.concurrency must be at least 1, was 0; "
                + "monitor.refresh.interval must be positive, was PT0S");
    }

    @Test
    void aConstraintMessageCannotBreakTheLine() {
        StartupFailure f = failures.explain(new BeanInstantiationException("List of constraint violations:[\n"
                + "\tX.y - x.y must not be \u001b[31m" + "z".repeat(600) + "\n]"));
        assertThat(f.message()).startsWith("x.y must not be").hasSize(StartupFailures.MAX_LENGTH)
                .doesNotContain("\u001b", "\n");
    }

    @Test
    void anUnconvertibleValueIsShortenedAndCannotBreakTheLine() {
        String hostile = "x".repeat(500) + "\n\tat fake.Frame(Fake.java:1)\u001b[31m";
        StartupFailure f = failures.explain(new ConfigurationException("Error resolving property value "
                + "[monitor.thresholds.warning]. Unable to convert value [" + hostile + "] to target type [Duration]"));
        assertThat(f.message()).startsWith("monitor.thresholds.warning: not a valid Duration: 'xxx").hasSizeLessThan(120)
                .doesNotContain("\n", "\t", "\u001b");
    }

    /** Micronaut's refusal of a settings record whose Jakarta constraints failed, as micronaut-validation words it. */
    private static RuntimeException constraintViolations(String... violations) {
        String bean = "io.vaultpki.exporter.config.ExporterConfiguration";
        String report = "Error instantiating bean of type  [" + bean + "]\n\nMessage: Validation failed for bean definition ["
                + bean + "]\nList of constraint violations:[\n\t" + String.join("\n\t", violations)
                + "\n]\nPath Taken:\nnew @i.m.c.a.ConfigurationProperties(\"exporter\") i.v.e.c.ExporterConfiguration(...)";
        return new BeanInstantiationException("Failed to inject value for parameter [concurrency] of class: " + bean,
                new BeanInstantiationException(report));
    }

    @Test
    void aSettingThatFailsItsConstraintIsTheConstraintsMessageNamingTheSetting() {
        StartupFailure f = failures.explain(constraintViolations(bean("concurrency")
                + " - exporter.concurrency must be between 1 and 64, was 500"));
        assertThat(f.kind()).isEqualTo(StartupFailure.Kind.CONFIGURATION);
        assertThat(f.line("vault-pki-exporter")).isEqualTo(
                "vault-pki-exporter: configuration error: exporter.concurrency must be between 1 and 64, was 500");
    }

    @Test
    void severalViolationsAreOneLineAndAMessageWithoutASettingIsPrefixedWithItsPath() {
        StartupFailure f = failures.explain(constraintViolations(
                bean("keep") + " - exporter.audit.keep must be between 0 and 100, was 101",
                bean("concurrency") + " - must be less than or equal to 64"));
        assertThat(f.message()).isEqualTo("exporter.audit.keep must be between 0 and 100, was 101; "
                + bean("concurrency") + ": must be less than or equal to 64");
    }

    private static String bean(String property) {
        return "io.vaultpki.exporter.config.ExporterConfiguration." + property;
    }

    @Test
    void aPortInUseIsOneLineNamingThePort() {
        RuntimeException serverStartup = new RuntimeException("Unable to start Micronaut server on *:8080",
                new BindException("Address already in use"));
        StartupFailure f = failures.explain(new ApplicationStartupException("Error starting Micronaut server: x", serverStartup));
        assertThat(f.kind()).isEqualTo(StartupFailure.Kind.PORT_IN_USE);
        assertThat(f.exitCode()).isEqualTo(1);
        assertThat(f.line("vault-pki-exporter")).isEqualTo("vault-pki-exporter: cannot listen: port 8080 is already in use");
    }

    @Test
    void aBareJdkExceptionKeepsItsTypeAndAMessagelessOneIsNamedByItsType() {
        assertThat(failures.explain(micronautWrapped(new IllegalStateException("boom"))).message())
                .isEqualTo("IllegalStateException: boom");
        assertThat(failures.explain(new UnsupportedOperationException()).message()).isEqualTo("UnsupportedOperationException");
        assertThat(failures.explain(new java.io.UncheckedIOException("demo: cannot write /tmp/x",
                new IOException("No space left on device"))).message())
                .isEqualTo("demo: cannot write /tmp/x (IOException: No space left on device)");
    }

    @Test
    void multiLineMessagesKeepTheirFirstLineAndLongOnesAreCut() {
        StartupFailure f = failures.explain(new IllegalArgumentException("first line\nsecond line\n\tat x.y(Z.java:1)"));
        assertThat(f.message()).isEqualTo("IllegalArgumentException: first line");
        StartupFailure longOne = failures.explain(new ConfigurationException("monitor.x: " + "y".repeat(1000)));
        assertThat(longOne.message()).hasSize(StartupFailures.MAX_LENGTH).endsWith("…");
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(failures.explain(a).message()).isEqualTo("a (RuntimeException: b)");
    }
}

package io.vaultpki.exporter;

import io.micronaut.context.ApplicationContext;
import io.vaultpki.exporter.config.ExporterConfiguration;
import io.vaultpki.exporter.export.StartupRecovery;
import io.vaultpki.exporter.files.ExportStore;
import io.vaultpki.exporter.once.OnceOptions;
import io.vaultpki.exporter.once.OnceRun;
import io.vaultpki.exporter.once.OnceUsageException;
import io.vaultpki.exporter.registry.ExportRegistry;
import io.vaultpki.exporter.renewal.RenewalJob;
import io.vaultpki.exporter.revocation.PendingRevocations;
import io.vaultpki.support.startup.StartupFailedException;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * {@code --once}: starts the exporter's application context without its HTTP server (the same configuration, beans
 * and checks as the service, so a bad setting ends it with the service's one line and status 2; only the API's
 * tokens, which nothing serves, are left out by the {@link ExporterConfiguration#ONE_SHOT_ENVIRONMENT}), runs
 * {@link OnceRun}, closes the context (the audit log is flushed, the worker pool stopped) and returns the exit
 * status. Only {@link Application#main} turns that into {@code System.exit}.
 */
final class OneShot {

    private OneShot() {
    }

    /**
     * @param properties settings that take precedence over the configuration (tests); the process uses none
     * @return the exit status
     */
    static int run(String[] args, Map<String, Object> properties, PrintStream out, PrintStream err) {
        OnceOptions options;
        try {
            options = OnceOptions.parse(args);
        } catch (OnceUsageException e) {
            err.println(Application.NAME + ": usage error: " + e.getMessage());
            err.flush();
            return OnceRun.USAGE;
        }
        ApplicationContext context;
        try {
            context = Application.launcher().startWithoutServer(options.passThrough().toArray(String[]::new),
                    atExit -> properties, ExporterConfiguration.ONE_SHOT_ENVIRONMENT);
        } catch (StartupFailedException e) {
            e.lines().forEach(err::println);
            err.flush();
            return e.failure().exitCode();
        }
        try (context) {
            return new OnceRun(Application.NAME, context.getBean(StartupRecovery.class),
                    context.getBean(ExportRegistry.class), context.getBean(RenewalJob.class),
                    context.getBean(PendingRevocations.class), context.getBean(ExportStore.class), Clock.systemUTC(), out, err).run(options);
        }
    }
}

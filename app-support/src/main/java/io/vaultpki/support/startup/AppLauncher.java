package io.vaultpki.support.startup;

import io.micronaut.context.ApplicationContext;
import io.vaultpki.client.VaultSettings;
import io.vaultpki.client.config.VaultSettingsResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Starts one of the apps and makes its start-up failures short: a wrong setting ends the process with one line on
 * stderr naming the setting (exit status 2), any other failure with one line saying what failed (exit status 1);
 * the stack trace is logged only at DEBUG (logger {@code io.vaultpki.support.startup}). When Vault's address is
 * the Vault CLI's default because neither {@code VAULT_ADDR} nor {@code vault.address} is set, it says so and
 * suggests the demo flag: as a WARN line once the app runs, as a second stderr line when it cannot start.
 *
 * <pre>{@code
 * AppLauncher.forApp("vault-pki-monitor", Application.class).demoFlag("--demo")
 *         .run(args, atExit -> DemoVault.settingsIfRequested(args, atExit));
 * }</pre>
 */
public final class AppLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(AppLauncher.class);

    /** What to add to the configuration before Micronaut starts, e.g. the address of an embedded demo Vault. */
    @FunctionalInterface
    public interface StartupProperties {
        /**
         * @param closeAtExit receives resources to release after the application has stopped (newest first)
         * @return properties that take precedence over the configuration files and the environment
         */
        Map<String, Object> properties(Consumer<AutoCloseable> closeAtExit) throws Exception;
    }

    private final String name;
    private final Class<?> mainClass;
    private final List<Class<? extends Throwable>> settingErrors = new ArrayList<>();
    private String demoFlag;
    private String portVariable;
    private String portClashNote;
    private Map<String, String> environment = System.getenv();

    private AppLauncher(String name, Class<?> mainClass) {
        this.name = Objects.requireNonNull(name, "name");
        this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
    }

    /**
     * @param name      the name the stderr line starts with, e.g. {@code vault-pki-monitor}
     * @param mainClass the application's main class (Micronaut scans from its package)
     */
    public static AppLauncher forApp(String name, Class<?> mainClass) {
        return new AppLauncher(name, mainClass);
    }

    /** The application's own exception types that mean "a setting is wrong"; their message starts with the setting. */
    @SafeVarargs
    public final AppLauncher settingErrors(Class<? extends Throwable>... types) {
        settingErrors.addAll(Arrays.asList(types));
        return this;
    }

    /** The flag that runs the app against an embedded demo Vault; suggested when no Vault address is set. */
    public AppLauncher demoFlag(String flag) {
        this.demoFlag = flag;
        return this;
    }

    /**
     * What a port clash tells the operator: the variable that sets the port (e.g. {@code EXPORTER_PORT}) and what
     * the app guarantees about the failed start (e.g. that nothing was written, because the port is bound first).
     */
    public AppLauncher portClash(String variable, String note) {
        this.portVariable = variable;
        this.portClashNote = note;
        return this;
    }

    AppLauncher environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** The {@code main} of an app: starts it, or prints why not on stderr and exits with a non-zero status. */
    public void run(String[] args, StartupProperties properties) {
        run(args, properties, System.err, System::exit);
    }

    void run(String[] args, StartupProperties properties, PrintStream err, IntConsumer exit) {
        try {
            start(args, properties);
        } catch (StartupFailedException e) {
            e.lines().forEach(err::println);
            err.flush();
            exit.accept(e.failure().exitCode());
        }
    }

    /** Starts the app; on failure the context is gone and the exit resources are already released. */
    public ApplicationContext start(String[] args, StartupProperties properties) throws StartupFailedException {
        return launch(args, properties, null);
    }

    /**
     * Starts the app's context without its HTTP server, for a command that runs and exits (the exporter's
     * {@code --once}): no port is bound, so it can run beside the service on the same host. Failures are explained
     * as {@link #start} explains them; the caller closes the context.
     *
     * @param environment a Micronaut environment added to the deduced ones, so beans only the server needs can stay
     *                    out ({@code @Requires(notEnv = ...)}); it also loads {@code application-<environment>.yml}
     */
    public ApplicationContext startWithoutServer(String[] args, StartupProperties properties, String environment)
            throws StartupFailedException {
        return launch(args, properties, Objects.requireNonNull(environment, "environment"));
    }

    /** {@code withoutServerEnvironment} null: the whole app with its server. */
    private ApplicationContext launch(String[] args, StartupProperties properties, String withoutServerEnvironment)
            throws StartupFailedException {
        ExitTasks atExit = new ExitTasks();
        boolean demo = demoFlag != null && Arrays.asList(args).contains(demoFlag);
        try {
            Map<String, Object> extra = properties.properties(atExit);
            FailFastMicronaut micronaut = new FailFastMicronaut();
            micronaut.args(args).banner(false).properties(extra).mainClass(mainClass);
            if (withoutServerEnvironment != null) {
                micronaut.environments(withoutServerEnvironment);
            }
            ApplicationContext context = withoutServerEnvironment == null ? micronaut.start()
                    : micronaut.startContextOnly();
            atExit.runAfterStop(context, name + "-exit");
            if (!demo && VaultSettingsResolver.usesDefaultAddress(context.getProperty("vault.address", String.class)
                    .orElse(null), environment)) {
                LOG.warn("{}", defaultAddressNotice(false));
            }
            return context;
        } catch (Throwable t) {
            atExit.runNow();
            Throwable cause = t instanceof LaunchAbort ? t.getCause() : t;
            StartupFailure failure = new StartupFailures(settingErrors, environment).explain(cause);
            // the one place the whole chain is kept: for a developer, never in an operator's face
            if (t instanceof LaunchAbort abort && abort.traceRequested()) {
                DebugLevel.enable(LOG);
            }
            LOG.debug("{} did not start", name, cause);
            List<String> lines = new ArrayList<>();
            lines.add(failure.kind() == StartupFailure.Kind.PORT_IN_USE ? failure.line(name) + portAdvice()
                    : failure.line(name));
            if (!demo && failure.kind() == StartupFailure.Kind.CONFIGURATION && t instanceof LaunchAbort abort
                    && VaultSettingsResolver.usesDefaultAddress(abort.configuredVaultAddress(), environment)) {
                lines.add(name + ": " + defaultAddressNotice(true));
            }
            throw new StartupFailedException(failure, lines);
        }
    }

    private String portAdvice() {
        String advice = "; set " + (portVariable == null ? "" : portVariable + " (or ") + "micronaut.server.port"
                + (portVariable == null ? "" : ")") + " to a free port.";
        return portClashNote == null ? advice : advice + " " + portClashNote;
    }

    private String defaultAddressNotice(boolean failed) {
        String notice = "VAULT_ADDR is not set" + (failed ? ", so it would use " : ": using ")
                + VaultSettings.DEFAULT_ADDRESS + ", the Vault CLI's default";
        return Optional.ofNullable(demoFlag).map(flag -> notice + "; to try it without a Vault, run it with " + flag)
                .orElse(notice);
    }
}

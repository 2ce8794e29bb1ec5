package io.vaultpki.support.startup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

import java.util.List;
import java.util.Locale;

/**
 * {@link Micronaut} whose start-up failure reaches the caller: Micronaut's own handler logs the whole exception
 * chain at ERROR (about 50 lines for one wrong setting) and exits, leaving no room for a short message.
 */
final class FailFastMicronaut extends Micronaut {

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        String address;
        try {
            address = environment.getProperty("vault.address", String.class).orElse(null);
        } catch (RuntimeException unreadable) {
            address = null;
        }
        throw new LaunchAbort(exception, address, traceRequested(environment));
    }

    /**
     * Builds and starts the application context only, without the embedded server (so no port is bound and no
     * {@code ServerStartupEvent} is published): for one-shot commands. A failure reaches the caller as
     * {@link #start()}'s does.
     */
    ApplicationContext startContextOnly() {
        ApplicationContext context = super.build(); // the builder's instance build(), not Micronaut.build(String...)
        try {
            return context.start();
        } catch (RuntimeException e) {
            try {
                if (context.isRunning()) {
                    context.close();
                }
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            handleStartupException(context.getEnvironment(), e);
            throw e; // not reached: handleStartupException always throws
        }
    }

    /**
     * Whether {@code logger.levels} (e.g. {@code LOGGER_LEVELS_IO_VAULTPKI=DEBUG}) sets the launcher's logger or
     * one of its parents to DEBUG or finer. Micronaut applies these levels only while its context starts, so an
     * early failure would otherwise lose the trace that was asked for.
     */
    static boolean traceRequested(Environment environment) {
        String name = AppLauncher.class.getName();
        while (true) {
            String level;
            try {
                level = environment.getProperty("logger.levels." + name, String.class).orElse(null);
            } catch (RuntimeException unreadable) {
                level = null;
            }
            if (level != null && !level.isBlank()) {
                return List.of("DEBUG", "TRACE", "ALL").contains(level.strip().toUpperCase(Locale.ROOT));
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return false;
            }
            name = name.substring(0, dot);
        }
    }
}

package io.vaultpki.support.startup;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

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
        throw new LaunchAbort(exception, address);
    }
}

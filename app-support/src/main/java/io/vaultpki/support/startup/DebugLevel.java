package io.vaultpki.support.startup;

import org.slf4j.Logger;

/** Sets one logger to DEBUG when the logging backend is logback (both apps'); elsewhere nothing happens. */
final class DebugLevel {

    private DebugLevel() {
    }

    static void enable(Logger logger) {
        try {
            if (logger instanceof ch.qos.logback.classic.Logger logback) {
                logback.setLevel(ch.qos.logback.classic.Level.DEBUG);
            }
        } catch (NoClassDefFoundError noLogback) {
            // another SLF4J backend: its own configuration decides
        }
    }
}

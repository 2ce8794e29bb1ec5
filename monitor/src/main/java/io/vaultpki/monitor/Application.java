package io.vaultpki.monitor;

import io.micronaut.runtime.Micronaut;

/** Entry point of vault-pki-monitor. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}

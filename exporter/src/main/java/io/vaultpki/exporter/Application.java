package io.vaultpki.exporter;

import io.micronaut.runtime.Micronaut;

/** Entry point of vault-pki-exporter. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}

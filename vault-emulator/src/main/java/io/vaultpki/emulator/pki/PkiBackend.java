package io.vaultpki.emulator.pki;

import io.vaultpki.emulator.Flavor;
import io.vaultpki.emulator.spi.Backend;
import io.vaultpki.emulator.spi.EmulatorRequest;
import io.vaultpki.emulator.spi.EmulatorResponse;
import io.vaultpki.emulator.spi.Operation;

import java.time.Clock;

/**
 * The PKI secrets engine of one mount (placeholder: the PKI helper replaces this file with the real engine).
 */
public class PkiBackend implements Backend, PkiMount {

    private final Clock clock;
    private final Flavor flavor;
    private final String namespace;
    private final String mountPath;

    public PkiBackend(Clock clock, Flavor flavor, String namespace, String mountPath) {
        this.clock = clock;
        this.flavor = flavor;
        this.namespace = namespace;
        this.mountPath = mountPath;
    }

    @Override
    public String type() {
        return "pki";
    }

    @Override
    public boolean isUnauthenticated(Operation operation, String relativePath) {
        return false;
    }

    @Override
    public EmulatorResponse handle(EmulatorRequest request) {
        return Backend.unsupportedPath();
    }

    @Override
    public String path() {
        return mountPath;
    }

    @Override
    public String namespace() {
        return namespace;
    }
}

package io.vaultpki.emulator;

import io.vaultpki.emulator.spi.Flavor;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a VAULT-flavor emulator for manual testing: {@code java -cp ... io.vaultpki.emulator.EmulatorMain --port 8200}.
 * Prints the address and the root token (a throw-away token of a throw-away server), then runs until killed.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8200;
        boolean tls = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--tls" -> tls = true;
                default -> {
                    System.err.println("usage: EmulatorMain [--port 8200] [--tls]");
                    System.exit(2);
                }
            }
        }
        var emulator = VaultEmulator.builder().flavor(Flavor.VAULT).port(port).tls(tls).start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("VAULT_ADDR=" + emulator.url());
        System.out.println("VAULT_TOKEN=" + emulator.rootToken());
        if (tls) {
            System.out.println("VAULT_CACERT=" + emulator.tls().caCertFile());
        }
        new CountDownLatch(1).await();
    }
}

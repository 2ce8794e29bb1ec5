package io.vaultpki.client.http;

import java.time.Duration;

/** Waits between retries. Injected so tests can record delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}

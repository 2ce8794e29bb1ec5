package io.vaultpki.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting without sleeping blindly: poll a condition until a deadline. */
final class Poll {

    private Poll() {
    }

    static void pause(Duration d) {
        LockSupport.parkNanos(d.toNanos());
    }

    /** Polls {@code condition} every {@code step} until it holds (true) or the deadline passes (false). */
    static boolean until(BooleanSupplier condition, Duration timeout, Duration step) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause(step);
        }
        return condition.getAsBoolean();
    }
}

package io.vaultpki.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows the system clock plus an offset that tests can advance, so that token TTLs expire without
 * sleeping. Share one instance between the emulator and the client under test.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final Clock base;

    public MutableClock() {
        this(Clock.systemUTC());
    }

    public MutableClock(Clock base) {
        this.base = base;
    }

    /** Moves this clock forward (or back, with a negative duration). */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}

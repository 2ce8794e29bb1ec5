package io.vaultpki.exporter.renewal;

import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.spec.ExportSpec;
import io.vaultpki.exporter.window.RenewWindow;
import io.vaultpki.exporter.window.WindowPlacement;
import io.vaultpki.exporter.window.WindowPlacement.Decision;
import io.vaultpki.exporter.window.WindowSpan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one owner of the renew-window rules: where an export's next attempt goes when its spec has a
 * {@code renew-window}. Used wherever a next attempt is set (a success's renewal plan, a failure's retry, start-up's
 * adoption of files on disk) and once more when the renewal job dispatches, so the service, its start-up and a
 * one-shot run all decide alike.
 *
 * <ul>
 *   <li>Only a <em>planned</em> renewal waits: the export has files made from its current spec. First issuance,
 *       missing files and a changed spec are attempted at once.</li>
 *   <li>A planned renewal (or retry) inside an occurrence of the window happens as planned.</li>
 *   <li>One outside waits for the next occurrence's start plus a spread: a stable offset per export name, up to
 *       half the occurrence and at most {@code exporter.renewal.jitter-cap} (none when {@code jitter-percent} is 0),
 *       so many exports sharing a window do not reach Vault in the same second.</li>
 *   <li>The safety floor wins: from {@code notAfter - floor} on, the export renews at once, window or not; and when
 *       the next occurrence starts after that instant, the renewal happens at that instant, the latest safe one.
 *       The floor is the spec's {@code renew-window-floor}, or {@code window-floor-percent} of the actual
 *       lifetime.</li>
 * </ul>
 *
 * The API's renew does not ask: it is "rotate now".
 */
public final class WindowedPlan {

    private final RenewalSettings settings;

    public WindowedPlan(RenewalSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Where an attempt of {@code spec} wanted at {@code candidate} goes, given the files on disk ({@code current},
     * {@code null} when there are none); {@code null} when the spec has no window (then {@code candidate} stands).
     */
    public WindowPlacement place(ExportSpec spec, ExportMetadata current, Instant candidate) {
        RenewWindow window = spec.renewWindow();
        if (window == null || spec.source() == null || !spec.source().renews()) {
            return null;
        }
        WindowSpan span = window.next(candidate);
        if (current == null || current.notAfter() == null || !current.madeFrom(spec)) {
            return new WindowPlacement(candidate, candidate, Decision.NOT_PLANNED, span, null);
        }
        Instant floorAt = current.notAfter().minus(floor(spec, current));
        if (!candidate.isBefore(floorAt)) {
            return new WindowPlacement(candidate, candidate, Decision.UNDER_FLOOR, span, floorAt);
        }
        if (span.contains(candidate)) {
            return new WindowPlacement(candidate, candidate, Decision.INSIDE_WINDOW, span, floorAt);
        }
        Instant start = span.start().plus(spread(spec.name(), span));
        if (start.isBefore(floorAt)) {
            return new WindowPlacement(start, candidate, Decision.WAITS_FOR_WINDOW, span, floorAt);
        }
        return new WindowPlacement(floorAt, candidate, Decision.FLOOR_BEFORE_WINDOW, span, floorAt);
    }

    /** The safety floor of {@code spec}'s current certificate: its own, or the percentage of the actual lifetime. */
    Duration floor(ExportSpec spec, ExportMetadata current) {
        if (spec.renewWindowFloor() != null) {
            return spec.renewWindowFloor();
        }
        Duration lifetime = current.issuedLifetimeSeconds() > 0 ? Duration.ofSeconds(current.issuedLifetimeSeconds())
                : current.notBefore() == null ? Duration.ZERO : Duration.between(current.notBefore(), current.notAfter());
        return Duration.ofMillis(lifetime.toMillis() * settings.windowFloorPercent() / 100);
    }

    /** The stable offset of export {@code name} into an occurrence: the same on every restart and one-shot run. */
    Duration spread(String name, WindowSpan span) {
        if (settings.jitterPercent() == 0) {
            return Duration.ZERO;
        }
        Duration half = span.length().dividedBy(2);
        long bound = Math.min(half.toSeconds(), settings.jitterCap().toSeconds());
        return bound <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.floorMod(hash(name), bound + 1));
    }

    private static long hash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = h << 8 | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

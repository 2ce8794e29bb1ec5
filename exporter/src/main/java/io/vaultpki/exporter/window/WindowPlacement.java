package io.vaultpki.exporter.window;

import java.time.Instant;
import java.util.Locale;

/**
 * Where an export's next renewal (or retry) went because of its renew window, and why; what the API and the metrics
 * show about the window.
 *
 * @param at       when the exporter attempts next
 * @param planned  when it would have attempted without the window (the renewal plan, or the retry's backoff)
 * @param decision why {@code at} is what it is
 * @param window   the first occurrence of the window ending after {@code planned}: the one the renewal falls into
 *                 or waits for
 * @param floorAt  from this instant on the remaining validity is under the safety floor and the export renews at
 *                 once, window or not; {@code null} when there are no files of the current spec yet
 */
public record WindowPlacement(Instant at, Instant planned, Decision decision, WindowSpan window, Instant floorAt) {

    /** Whether the next attempt waits for the window (or, failing that, for the floor) instead of the plan. */
    public boolean deferred() {
        return decision == Decision.WAITS_FOR_WINDOW || decision == Decision.FLOOR_BEFORE_WINDOW;
    }

    /** Why the next attempt is where it is. */
    public enum Decision {
        /** Not a planned renewal (no files yet, missing files, changed spec): at once, window or not. */
        NOT_PLANNED,
        /** The plan falls inside the window: renews at the plan. */
        INSIDE_WINDOW,
        /** The plan falls outside the window: waits for the next window. */
        WAITS_FOR_WINDOW,
        /** The plan is at or past the safety floor: renews at the plan, outside the window if need be. */
        UNDER_FLOOR,
        /** The next window opens only after the safety floor: renews at the floor, the latest safe moment. */
        FLOOR_BEFORE_WINDOW;

        /** The snake_case form of the API. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

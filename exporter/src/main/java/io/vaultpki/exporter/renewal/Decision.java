package io.vaultpki.exporter.renewal;

import io.vaultpki.exporter.window.WindowPlacement;

import java.time.Instant;
import java.util.Objects;

/**
 * What the renewal job decides for one export at one instant, without doing it: the scheduler acts on it, and a
 * one-shot dry run ({@code --once --dry-run}) prints it.
 *
 * @param kind  attempt now, or why not
 * @param until  when the export is next due ({@link Kind#NOT_DUE}), may be issued again ({@link Kind#GUARDED}) or
 *               its renew window lets it renew ({@link Kind#WINDOW}); {@code null} for {@link Kind#ATTEMPT}
 * @param window where the renew window put the attempt, for {@link Kind#WINDOW}; otherwise {@code null}
 */
public record Decision(Kind kind, Instant until, WindowPlacement window) {

    public enum Kind {
        /** Due (no files, a changed spec, expired, or past its renewal or refresh time): ask Vault now. */
        ATTEMPT,
        /** Files are current; nothing to do before {@code until}. */
        NOT_DUE,
        /** Due, but issued less than the minimum issuance interval ago (the loop guard): wait until {@code until}. */
        GUARDED,
        /** Due, but a planned renewal outside its renew window and above its floor: wait until {@code until}. */
        WINDOW
    }

    public Decision {
        Objects.requireNonNull(kind, "kind");
    }

    public Decision(Kind kind, Instant until) {
        this(kind, until, null);
    }

    static Decision window(WindowPlacement placement) {
        return new Decision(Kind.WINDOW, placement.at(), placement);
    }

    static Decision attempt() {
        return new Decision(Kind.ATTEMPT, null);
    }
}

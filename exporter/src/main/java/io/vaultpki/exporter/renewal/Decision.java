package io.vaultpki.exporter.renewal;

import java.time.Instant;
import java.util.Objects;

/**
 * What the renewal job decides for one export at one instant, without doing it: the scheduler acts on it, and a
 * one-shot dry run ({@code --once --dry-run}) prints it.
 *
 * @param kind  attempt now, or why not
 * @param until when the export is next due ({@link Kind#NOT_DUE}) or may be issued again ({@link Kind#GUARDED});
 *              {@code null} for {@link Kind#ATTEMPT}
 */
public record Decision(Kind kind, Instant until) {

    public enum Kind {
        /** Due (no files, a changed spec, expired, or past its renewal or refresh time): ask Vault now. */
        ATTEMPT,
        /** Files are current; nothing to do before {@code until}. */
        NOT_DUE,
        /** Due, but issued less than the minimum issuance interval ago (the loop guard): wait until {@code until}. */
        GUARDED
    }

    public Decision {
        Objects.requireNonNull(kind, "kind");
    }

    static Decision attempt() {
        return new Decision(Kind.ATTEMPT, null);
    }
}

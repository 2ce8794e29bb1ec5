package io.vaultpki.exporter.once;

import io.vaultpki.client.failure.FailureReason;
import io.vaultpki.exporter.failure.Failures;
import io.vaultpki.exporter.files.ExportMetadata;
import io.vaultpki.exporter.registry.Adoption;
import io.vaultpki.exporter.registry.ManagedExport;
import io.vaultpki.exporter.renewal.Decision;
import io.vaultpki.exporter.renewal.Turn;
import io.vaultpki.exporter.spec.ExportSpec;

import java.util.Optional;

/**
 * The lines a one-shot run prints, one per export, each starting {@code export <name>: }: on stdout what was done
 * (or, in a dry run, what would be done and why), on stderr why an export failed, in the suite's failure vocabulary
 * ({@link FailureReason#summary()} and its label), e.g.
 * {@code export web: Vault cannot be reached [unreachable]: VaultLoginException: ... [GET auth/token/lookup-self]}.
 */
final class OnceLines {

    private OnceLines() {
    }

    /** stdout: what the turn did, for an export that ended with valid files. */
    static String done(Turn turn) {
        ManagedExport e = turn.export();
        String prefix = prefix(e.spec());
        if (turn.result().isPresent()) {
            boolean switched = turn.result().get().write().switched();
            String validity = e.metadata().map(OnceLines::validity).orElse("");
            if (!e.spec().source().renews()) {
                return prefix + (switched ? "re-read, files updated" : "re-read, unchanged") + validity;
            }
            return prefix + (e.adoption() == Adoption.NO_FILES ? "issued" : "renewed") + validity;
        }
        String state = switch (turn.decision().kind()) {
            case GUARDED, WINDOW -> "due, files kept";
            default -> "up to date";
        };
        return prefix + state + e.metadata().map(OnceLines::validity).orElse("") + nextTime(turn.decision());
    }

    /** stderr: why the export failed; {@code stillValid} when its current files stay valid (exit status 0). */
    static String failed(ExportSpec spec, Throwable failure, Optional<ExportMetadata> stillValid) {
        FailureReason reason = Failures.reason(failure);
        String detail = Failures.describe(failure);
        if (detail.startsWith(reason.label() + ": ")) {
            detail = detail.substring(reason.label().length() + 2);
        }
        return prefix(spec) + reason.summary() + " [" + reason.label() + "]: " + detail
                + stillValid.map(m -> "; the current files stay, valid until " + m.notAfter()).orElse("");
    }

    /** stderr: an export without valid files although nothing failed (held back by the loop guard). */
    static String notValid(Turn turn) {
        ManagedExport e = turn.export();
        return prefix(e.spec()) + "no valid files (" + e.adoption().reason() + ")" + nextTime(turn.decision());
    }

    /** stdout, dry run: what a run would do with the export, and why. */
    static String planned(ManagedExport e, Decision decision) {
        String prefix = prefix(e.spec());
        return switch (decision.kind()) {
            case ATTEMPT -> prefix + "would " + verb(e) + " (" + e.adoption().reason()
                    + e.metadata().map(m -> "; current files valid until " + m.notAfter()).orElse("") + ")";
            case NOT_DUE -> prefix + "nothing to do (" + e.adoption().reason()
                    + e.metadata().map(m -> ", valid until " + m.notAfter()).orElse("") + "; due at " + decision.until()
                    + ")";
            case GUARDED -> prefix + "nothing to do before " + decision.until() + " (" + e.adoption().reason()
                    + ", but it was issued less than exporter.renewal.min-issuance-interval ago)";
            case WINDOW -> prefix + "nothing to do before " + decision.until() + " (" + e.adoption().reason()
                    + ", but its renew window opens then)";
        };
    }

    private static String verb(ManagedExport e) {
        if (!e.spec().source().renews()) {
            return "re-read";
        }
        return e.adoption() == Adoption.NO_FILES ? "issue" : "renew";
    }

    private static String prefix(ExportSpec spec) {
        return "export " + spec.name() + ": ";
    }

    private static String validity(ExportMetadata m) {
        return " (serial " + m.serial() + ", valid until " + m.notAfter() + ")";
    }

    private static String nextTime(Decision decision) {
        return switch (decision.kind()) {
            case NOT_DUE -> decision.until() == null ? "" : "; due at " + decision.until();
            case GUARDED -> "; the minimum issuance interval allows the next issuance at " + decision.until();
            case WINDOW -> "; renews in its renew window at " + decision.until();
            case ATTEMPT -> "";
        };
    }
}

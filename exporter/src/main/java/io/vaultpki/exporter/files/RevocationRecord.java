package io.vaultpki.exporter.files;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An export's revocation ledger ({@code ..revocations.json}): what is still to revoke, and how the last revocation
 * ended.
 *
 * @param pending replaced certificates still to revoke, oldest first
 * @param last    the last finished or failed revocation, {@code null} before the first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RevocationRecord(List<PendingRevocation> pending, Last last) {

    /** Nothing pending, nothing done. */
    public static final RevocationRecord EMPTY = new RevocationRecord(List.of(), null);

    public RevocationRecord {
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /**
     * How one revocation attempt ended.
     *
     * @param serial  the serial
     * @param outcome {@code revoked}, {@code already_revoked}, {@code expired} or {@code failure}
     * @param at      when
     * @param error   for a failure: its reason and description (never a secret)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Last(String serial, String outcome, Instant at, String error) {
    }

    /** This record with {@code entry} added, unless its serial is already pending. */
    public RevocationRecord plus(PendingRevocation entry) {
        if (pending.stream().anyMatch(p -> p.serial().equals(entry.serial()))) {
            return this;
        }
        List<PendingRevocation> out = new ArrayList<>(pending);
        out.add(entry);
        return new RevocationRecord(out, last);
    }

    /** This record with the entry for {@code serial} replaced by {@code entry} ({@code null} removes it), and {@code last}. */
    public RevocationRecord with(String serial, PendingRevocation entry, Last outcome) {
        List<PendingRevocation> out = new ArrayList<>();
        for (PendingRevocation p : pending) {
            if (!p.serial().equals(serial)) {
                out.add(p);
            } else if (entry != null) {
                out.add(entry);
            }
        }
        return new RevocationRecord(out, outcome == null ? last : outcome);
    }
}

package io.vaultpki.exporter.files;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * One replaced certificate waiting to be revoked (revoke-previous). Its serial and mount come from the export's own
 * {@code metadata.json} of the version a switch replaced, never from a request.
 *
 * @param serial      colon-hex serial of the replaced certificate
 * @param mount       the PKI mount that issued it
 * @param notAfter    its expiry: once past, there is nothing left to revoke
 * @param replacedAt  when the switch replaced it
 * @param dueAt       when it may be revoked: {@code replacedAt} plus the readers' grace ({@code exporter.files.grace})
 * @param attempts    failed revocation attempts so far
 * @param nextAttempt when to try again after a failure ({@code dueAt} before the first attempt)
 * @param lastError   the last failure's reason and description (never a secret), {@code null} before any failure
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PendingRevocation(String serial, String mount, Instant notAfter, Instant replacedAt, Instant dueAt,
                                int attempts, Instant nextAttempt, String lastError) {

    /** A fresh entry for {@code replaced}, due once {@code dueAt} has come. */
    public static PendingRevocation of(ExportMetadata replaced, Instant replacedAt, Instant dueAt) {
        return new PendingRevocation(replaced.serial(), replaced.mount(), replaced.notAfter(), replacedAt, dueAt, 0,
                dueAt, null);
    }

    /** Whether it may be tried at {@code now}: past the grace and past any back-off. */
    public boolean isDue(Instant now) {
        return !now.isBefore(dueAt) && (nextAttempt == null || !now.isBefore(nextAttempt));
    }

    /** This entry after one more failure, retried at {@code next}. */
    public PendingRevocation failed(String error, Instant next) {
        return new PendingRevocation(serial, mount, notAfter, replacedAt, dueAt, attempts + 1, next, error);
    }
}

/**
 * revoke-previous: revoking in Vault the certificates an export's switches replaced, once the readers' grace period
 * has passed. The serials come only from the export's own ledger ({@code ..revocations.json}, written by the file
 * store at each switch from the replaced version's metadata); {@code PendingRevocations} runs the due ones, on the
 * service's scheduler and at the end of a one-shot run, retrying failures with the renewal back-off. A revocation
 * never touches the files and never holds up a renewal.
 */
package io.vaultpki.exporter.revocation;

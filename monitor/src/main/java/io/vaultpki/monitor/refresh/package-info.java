/**
 * Background refresh from Vault into an immutable {@link io.vaultpki.monitor.refresh.PkiSnapshot}; metrics and the
 * status API read only the snapshot.
 */
package io.vaultpki.monitor.refresh;

/**
 * The one vocabulary of Vault failures shared by every application of the suite: a closed set of
 * {@link io.vaultpki.client.failure.FailureReason reasons} and the one
 * {@link io.vaultpki.client.failure.FailureClassifier classifier} that maps an exception (status, body and cause
 * chain) to a reason. Metrics labels, status documents, readiness and API problem mapping all derive from it, so
 * the same failure is never reported under two names.
 */
package io.vaultpki.client.failure;

/**
 * Who may call the API and what they may do: hashed API tokens with scopes, export allow-lists and write policies,
 * the bearer-token filter, and the guard that keeps private keys off plain HTTP.
 */
package io.vaultpki.exporter.access;

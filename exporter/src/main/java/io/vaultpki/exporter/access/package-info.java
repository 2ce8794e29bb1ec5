/**
 * Who may call the API and what they may do: hashed API tokens and client-certificate mappings with scopes, export
 * allow-lists and write policies, the API's limits ({@code exporter.api.*}), and the guard that keeps private keys
 * off plain HTTP. No HTTP here: the API's filters ({@link io.vaultpki.exporter.api}) apply these rules to requests.
 */
package io.vaultpki.exporter.access;

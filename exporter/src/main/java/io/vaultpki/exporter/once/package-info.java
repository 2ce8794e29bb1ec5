/**
 * The one-shot run ({@code --once}): brings every configured export (and every export created through the API in
 * the same directory) up to date exactly as the running exporter would, by the same start-up recovery, renewal job
 * and attempts, without an HTTP server, then exits with a status that says whether every export has valid files.
 * {@code --dry-run} only prints the decisions.
 */
package io.vaultpki.exporter.once;

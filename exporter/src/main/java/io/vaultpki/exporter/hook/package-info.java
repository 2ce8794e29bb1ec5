/**
 * Post-write hooks: commands the operator configures by name ({@code exporter.hooks.<name>}) and exports refer to,
 * run once after each switch of an export's files as an argv (never an implicit shell), with a timeout, an
 * allow-listed environment and a result that is counted and audited but never fatal. No command ever comes from an
 * API request or a spec file.
 */
package io.vaultpki.exporter.hook;

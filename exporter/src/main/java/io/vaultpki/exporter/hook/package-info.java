/**
 * Post-write hooks: the command an export runs once after each switch of its files (an argv array, never an
 * implicit shell), with a timeout, a scrubbed environment and a result that is counted and audited but never fatal.
 */
package io.vaultpki.exporter.hook;

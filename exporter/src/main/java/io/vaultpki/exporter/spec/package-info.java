/**
 * What an export is: the immutable spec, its sources, formats and naming profiles, its one codec for configuration,
 * persisted JSON and tests, and the validator that reports every field error at once.
 */
package io.vaultpki.exporter.spec;

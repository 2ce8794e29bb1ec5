/**
 * The bytes of a scrape, independent of what they describe: the two text exposition formats, pieces of a body that
 * are rendered once and reused while their inputs do not change, the gzip form assembled from pieces compressed
 * once each, and the choice of format and encoding from the scraper's {@code Accept} and {@code Accept-Encoding}.
 */
package io.vaultpki.monitor.metrics.exposition;

/**
 * {@code sys/} reads: health, seal status and the mounts list.
 */
package io.vaultpki.client.sys;

/**
 * Which PKI mounts the monitor watches: {@code PKI_MOUNT_PATH}, include and exclude patterns, namespaces.
 */
package io.vaultpki.monitor.mounts;

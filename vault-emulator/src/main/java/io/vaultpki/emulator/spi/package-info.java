/**
 * The emulator's internal service-provider interface: the server core parses HTTP, namespaces, mounts and ACLs;
 * backends (PKI, auth methods) answer {@link io.vaultpki.emulator.spi.EmulatorRequest}s with
 * {@link io.vaultpki.emulator.spi.EmulatorResponse}s.
 */
package io.vaultpki.emulator.spi;

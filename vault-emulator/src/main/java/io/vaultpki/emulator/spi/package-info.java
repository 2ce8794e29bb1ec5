/**
 * What the server core and the backends share: the request a backend gets
 * ({@link io.vaultpki.emulator.spi.EmulatorRequest}), the answer it gives
 * ({@link io.vaultpki.emulator.spi.EmulatorResponse}, rendered by the core with Vault's envelope), the logical
 * {@link io.vaultpki.emulator.spi.Operation}, the caller's {@link io.vaultpki.emulator.spi.TokenEntry}, the one
 * form of a namespace path, and the {@link io.vaultpki.emulator.spi.Flavor} (Vault or OpenBao) that backends vary
 * their answers by. The server core parses HTTP, namespaces, mounts and ACLs; backends (PKI, auth methods, token,
 * sys) only answer. Depends on nothing else in the emulator.
 */
package io.vaultpki.emulator.spi;

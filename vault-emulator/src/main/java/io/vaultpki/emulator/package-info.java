/** In-process Vault / OpenBao emulator used by the tests, the demo and the benchmark. */
package io.vaultpki.emulator;

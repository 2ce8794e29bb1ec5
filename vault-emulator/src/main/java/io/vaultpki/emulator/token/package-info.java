/**
 * The emulator's tokens: what a token is created from ({@link io.vaultpki.emulator.token.TokenSpec}), the store
 * that mints, looks up, renews and expires them on the emulator's clock
 * ({@link io.vaultpki.emulator.token.TokenStore}), the token auth method mounted at {@code auth/token/}
 * (lookup-self, renew-self, revoke-self, create; https://developer.hashicorp.com/vault/api-docs/auth/token) and the
 * {@code auth} block that logins and renewals answer with. The login methods in
 * {@code io.vaultpki.emulator.auth} mint their tokens here.
 */
package io.vaultpki.emulator.token;

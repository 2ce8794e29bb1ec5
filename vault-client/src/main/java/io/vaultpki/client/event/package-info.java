/**
 * Events of the client's session (logins, renewals, failures) for listeners such as login metrics; never a token.
 */
package io.vaultpki.client.event;

/**
 * Start-up of both apps: a configuration error or any other start-up failure ends the process with one short line
 * on stderr that names the setting (the stack trace only at DEBUG), and resources of the demo mode are released
 * after the application has stopped.
 */
package io.vaultpki.support.startup;

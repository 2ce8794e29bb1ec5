/**
 * What the exporter answers outside its API and management endpoints: the status page at {@code /} (a static page
 * whose script reads the API with the user's token; {@code exporter.ui.enabled}), the root JSON document for
 * clients that ask for JSON, and its names for the HTTPS setup both apps share ({@code io.vaultpki.support.https}).
 */
package io.vaultpki.exporter.web;

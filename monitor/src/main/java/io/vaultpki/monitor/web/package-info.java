/**
 * How the monitor serves HTTP: truthful answers to oversized requests, and its names for the HTTPS
 * setup both apps share ({@code io.vaultpki.support.https}): optional HTTPS with client-certificate authentication
 * for {@code /metrics} and the API, and a plain HTTP port that only answers the health probes.
 */
package io.vaultpki.monitor.web;

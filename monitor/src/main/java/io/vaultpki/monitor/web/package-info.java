/**
 * How the monitor serves HTTP: optional HTTPS with client-certificate authentication for {@code /metrics} and the
 * API, and a plain HTTP port that only answers the health probes so Kubernetes and Nomad can still reach them.
 */
package io.vaultpki.monitor.web;

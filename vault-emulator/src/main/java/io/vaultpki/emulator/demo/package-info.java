/** Seed data for the demo: a PKI landscape with healthy, warning, critical and expired certificates. */
package io.vaultpki.emulator.demo;

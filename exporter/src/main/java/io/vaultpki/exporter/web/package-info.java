/**
 * What the exporter answers outside its API and management endpoints: the root document at {@code /}, and its names
 * for the HTTPS setup both apps share ({@code io.vaultpki.support.https}).
 */
package io.vaultpki.exporter.web;

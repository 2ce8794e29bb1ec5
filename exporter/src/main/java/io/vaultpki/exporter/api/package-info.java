/**
 * The REST API under {@code /api/v1}: exports, their files and the issuers, as snake_case JSON; every error as
 * {@code application/problem+json}; the filters that authenticate each request with the access rules, assign its ID,
 * limit its body, count it and write its audit line.
 */
package io.vaultpki.exporter.api;

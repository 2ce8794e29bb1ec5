/**
 * The REST API under {@code /api/v1}: exports, their files and the issuers, as snake_case JSON; every error as
 * {@code application/problem+json}; request IDs, body-size limits, request metrics and one audit line per request.
 */
package io.vaultpki.exporter.api;

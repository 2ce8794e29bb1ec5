/** What the exporter answers outside its API and management endpoints: the root document at {@code /}. */
package io.vaultpki.exporter.web;

package io.vaultpki.client.pki;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaultpki.client.cert.CrlParser;
import io.vaultpki.client.cert.ParsedCrl;
import io.vaultpki.client.http.JsonResponses;
import io.vaultpki.client.http.VaultExecutor;
import io.vaultpki.client.http.VaultHttpResponse;
import io.vaultpki.client.http.VaultRequest;

import java.time.Instant;
import java.util.Optional;

/** The conditional CRL read behind {@link PkiOperations#readIssuerCrlIfModifiedSince}: PEM in {@code data.crl}. */
final class ConditionalCrlRead {

    private ConditionalCrlRead() {
    }

    static ConditionalRead<ParsedCrl> read(VaultExecutor executor, String path, Instant since) {
        VaultRequest plain = VaultRequest.get(path);
        VaultRequest req = since == null ? plain : plain.ifModifiedSince(since);
        VaultHttpResponse response = executor.execute(req);
        if (response.notModified()) {
            return new ConditionalRead<>(Optional.empty(), response.date());
        }
        JsonNode data = JsonResponses.data(req, response);
        return new ConditionalRead<>(Optional.of(CrlParser.parse(req.path(), data.path("crl").asText(""))),
                response.date());
    }
}

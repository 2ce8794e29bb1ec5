package io.vaultpki.client.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VaultHttpResponseTest {

    private static VaultHttpResponse withHeaders(int status, Map<String, List<String>> headers) {
        return new VaultHttpResponse(status, headers, new byte[0]);
    }

    @Test
    void theDateAndLastModifiedHeadersAreReadAsHttpDates() {
        VaultHttpResponse r = withHeaders(304, Map.of("date", List.of("Tue, 03 Jun 2025 10:15:30 GMT"),
                "last-modified", List.of("Mon, 02 Jun 2025 08:00:00 GMT")));

        assertThat(r.notModified()).isTrue();
        assertThat(r.date()).contains(Instant.parse("2025-06-03T10:15:30Z"));
        assertThat(r.lastModified()).contains(Instant.parse("2025-06-02T08:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "1717409730", "2025-06-03T10:15:30Z", "Tue, 32 Jun 2025 10:15:30 GMT",
            "Tue, 03 Jun 2025 10:15:30 GMT Tue, 03 Jun 2025 10:15:30 GMT Tue, 03 Jun 2025 10:15:30 GMT"})
    void aHostileOrMalformedDateIsAbsentNotAnError(String value) {
        assertThat(withHeaders(200, Map.of("date", List.of(value))).date()).isEmpty();
    }

    @Test
    void noDateHeaderIsAbsent() {
        assertThat(withHeaders(200, Map.of()).date()).isEmpty();
        assertThat(withHeaders(200, Map.of()).notModified()).isFalse();
    }
}

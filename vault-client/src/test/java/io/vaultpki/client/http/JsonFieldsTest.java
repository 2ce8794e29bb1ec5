package io.vaultpki.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Absent or null fields are empty; present fields of the wrong shape are format errors naming the field. */
class JsonFieldsTest {

    private static final VaultRequest REQ = VaultRequest.get("pki/config/crl");

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void absentAndNullFieldsAreEmpty() throws Exception {
        JsonNode d = json("{\"n\": null}");
        assertThat(JsonFields.bool(REQ, d, "n")).isEmpty();
        assertThat(JsonFields.text(REQ, d, "missing")).isEmpty();
        assertThat(JsonFields.integer(REQ, d, "n")).isEmpty();
        assertThat(JsonFields.duration(REQ, d, "n")).isEmpty();
        assertThat(JsonFields.time(REQ, d, "n")).isEmpty();
    }

    @Test
    void durationsAreSecondsOrGoStrings() throws Exception {
        JsonNode d = json("{\"i\": 43200, \"f\": 7776000.0, \"s\": \"72h0m0s\", \"ms\": \"200ms\", \"z\": \"0s\"}");
        assertThat(JsonFields.duration(REQ, d, "i")).contains(Duration.ofHours(12));
        assertThat(JsonFields.duration(REQ, d, "f")).contains(Duration.ofDays(90));
        assertThat(JsonFields.duration(REQ, d, "s")).contains(Duration.ofHours(72));
        assertThat(JsonFields.duration(REQ, d, "ms")).contains(Duration.ofMillis(200));
        assertThat(JsonFields.duration(REQ, d, "z")).contains(Duration.ZERO);
    }

    @Test
    void timesAreRfc3339WithNanos() throws Exception {
        JsonNode d = json("{\"t\": \"2024-05-01T10:00:00.123456789Z\", \"e\": \"\"}");
        assertThat(JsonFields.time(REQ, d, "t")).contains(Instant.parse("2024-05-01T10:00:00.123456789Z"));
        assertThat(JsonFields.time(REQ, d, "e")).isEmpty();
    }

    @Test
    void hostileShapesAreFormatErrorsNamingTheFieldAndPath() throws Exception {
        JsonNode d = json("{\"b\": \"true\", \"s\": {\"x\": 1}, \"i\": 1.5, \"d\": \"forever\", \"t\": \"yesterday\","
                + " \"a\": [1]}");
        assertThatThrownBy(() -> JsonFields.bool(REQ, d, "b")).isInstanceOf(VaultResponseFormatException.class)
                .hasMessageContaining("\"b\"").hasMessageContaining("pki/config/crl");
        assertThatThrownBy(() -> JsonFields.text(REQ, d, "s")).isInstanceOf(VaultResponseFormatException.class);
        assertThatThrownBy(() -> JsonFields.integer(REQ, d, "i")).isInstanceOf(VaultResponseFormatException.class);
        assertThatThrownBy(() -> JsonFields.duration(REQ, d, "d")).isInstanceOf(VaultResponseFormatException.class);
        assertThatThrownBy(() -> JsonFields.duration(REQ, d, "a")).isInstanceOf(VaultResponseFormatException.class);
        assertThatThrownBy(() -> JsonFields.time(REQ, d, "t")).isInstanceOf(VaultResponseFormatException.class);
    }
}

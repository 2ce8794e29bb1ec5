package io.vaultpki.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streamed LIST keys give what the tree gives, and refuse what the tree refuses. */
class JsonResponsesTest {

    private static final VaultRequest LIST = VaultRequest.list("pki/certs");

    private static VaultHttpResponse body(String json) {
        return new VaultHttpResponse(200, Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> viaTree(String json) {
        JsonNode data = JsonResponses.data(LIST, body(json));
        return JsonResponses.strings(data.get("keys"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"request_id\":\"x\",\"data\":{\"keys\":[\"0a:0b\",\"ff:01\"]},\"warnings\":null}",
            "{\"data\":{\"other\":{\"deep\":[1,[2,{\"keys\":[\"no\"]}]]},\"keys\":[\"0a:0b\"]}}",
            "{\"data\":{}}",
            "{\"data\":{\"keys\":null}}",
            "{\"data\":{\"keys\":[1,true,null,{\"a\":1},[\"b\"],\"c\"]}}",
            "{\"data\":{\"keys\":[\"first\"]},\"data\":{\"keys\":[\"second\"]}}",
            "{\"data\":{\"keys\":[\"first\"],\"keys\":[\"second\"]}}",
            "{\"auth\":{\"keys\":[\"not these\"]},\"data\":{\"keys\":[\"these\"]}}"})
    void theStreamedKeysAreWhatTheTreeGives(String json) {
        assertThat(JsonResponses.dataKeys(LIST, body(json))).isEqualTo(viaTree(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"keys\"", "{\"keys\":[\"x\"]}", "{\"data\":null}", "{\"data\":[\"x\"]}",
            "{\"data\":{\"keys\":[\"x\"]},\"data\":7}", "{\"data\":{\"keys\":[\"x\"", "not json"})
    void aBodyTheTreeRefusesIsAFormatErrorNamingThePath(String json) {
        assertThatThrownBy(() -> JsonResponses.dataKeys(LIST, body(json)))
                .isInstanceOf(VaultResponseFormatException.class).hasMessageContaining("pki/certs");
    }
}

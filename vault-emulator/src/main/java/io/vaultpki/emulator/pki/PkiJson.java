package io.vaultpki.emulator.pki;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;

/** Small helpers for building response {@code data}. */
final class PkiJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PkiJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array(Collection<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}

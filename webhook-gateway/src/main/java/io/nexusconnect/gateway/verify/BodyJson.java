package io.nexusconnect.gateway.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.nexusconnect.contracts.kafka.Json;

import java.io.IOException;

/** Reads ids out of an already verified body, tolerantly: a field that is not there is null, never an error. */
final class BodyJson {
    private BodyJson() {
    }

    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static String text(JsonNode root, String... path) {
        JsonNode node = root;
        for (String field : path) {
            node = node.path(field);
        }
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}

package io.nexusconnect.amazon.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.contracts.kafka.Json;

/** Reads SP-API bodies; anything that does not fit the model is a MALFORMED_RESPONSE carrying the raw body. */
public final class SpApiPayload {
    private SpApiPayload() {
    }

    /** Orders v0 and Sellers wrap their result in {@code payload}. */
    public static <T> T payload(MarketplaceResponse response, Class<T> type) {
        JsonNode payload = response.json().get("payload");
        if (payload == null || payload.isNull()) {
            throw response.malformed("a body without payload", null);
        }
        return bind(response, payload, type);
    }

    /** Listings Items answers its result at the top level. */
    public static <T> T body(MarketplaceResponse response, Class<T> type) {
        return bind(response, response.json(), type);
    }

    private static <T> T bind(MarketplaceResponse response, JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw response.malformed("a body that does not fit " + type.getSimpleName(), e);
        }
    }
}

package io.nexusconnect.shopify.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.MarketplaceException;

/** A successful GraphQL answer: its {@code data}, and the HTTP response it came in (for errors and request ids). */
public record GraphqlAnswer(JsonNode data, MarketplaceResponse response) {

    /** The node at {@code pointer} under data; its absence means the answer is not what the query asked for. */
    public JsonNode require(String pointer) {
        JsonNode node = data.at(pointer);
        if (node.isMissingNode()) {
            throw malformed("an answer without " + pointer);
        }
        return node;
    }

    public MarketplaceException malformed(String what) {
        return response.malformed(what, null);
    }
}

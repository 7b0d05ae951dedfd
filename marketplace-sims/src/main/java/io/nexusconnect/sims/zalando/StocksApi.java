package io.nexusconnect.sims.zalando;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

import java.util.HashSet;
import java.util.Set;

/**
 * The Stocks API: {@code POST /merchants/{merchant_id}/stocks} with {@code items[]} of (sales_channel_id, ean,
 * quantity), at most the configured number per request, each combination once; the answer repeats every item with
 * its {@code result} ({@code ACCEPTED} / {@code REJECTED}, a code and a description) under 207 Multi-Status.
 * The per-minute update allowance is taken by the gateway before this runs.
 */
final class StocksApi {
    private final ZalandoStore store;
    private final String merchantId;
    private final int maxItems;

    StocksApi(ZalandoStore store, String merchantId, int maxItems) {
        this.store = store;
        this.merchantId = merchantId;
        this.maxItems = maxItems;
    }

    /** How many stock updates a request body carries (0 when it is not a stock request): the gateway's quota unit. */
    static int updates(String body) {
        JsonNode json = Json.parseOrNull(body);
        return json == null || !json.path("items").isArray() ? 0 : json.path("items").size();
    }

    SimResponse post(ZalandoCall call) {
        if (!merchantId.equals(call.path().get("merchant_id"))) {
            return ZalandoErrors.problem(403, "Forbidden", "No access to merchant " + call.path().get("merchant_id"));
        }
        JsonNode body = Json.parseOrNull(call.body());
        if (body == null || !body.path("items").isArray() || body.path("items").isEmpty()) {
            return ZalandoErrors.problem(400, "Bad Request", "items must be a non-empty array");
        }
        if (body.path("items").size() > maxItems) {
            return ZalandoErrors.problem(400, "Bad Request", "at most " + maxItems + " items per request");
        }
        ObjectNode answer = Json.object();
        ArrayNode results = answer.putArray("items");
        Set<String> seen = new HashSet<>();
        for (JsonNode item : body.path("items")) {
            String channel = item.path("sales_channel_id").asText("");
            String ean = item.path("ean").asText("");
            JsonNode quantity = item.path("quantity");
            String rejection = null;
            if (!channel.matches("[0-9a-f-]{36}")) {
                rejection = "sales_channel_id must be a sales channel UUID";
            } else if (!ean.matches("\\d{8}|\\d{12,14}")) {
                rejection = "ean must be an EAN/GTIN of 8, 12, 13 or 14 digits";
            } else if (!quantity.isIntegralNumber() || quantity.asInt() < 0) {
                rejection = "quantity must be a non-negative integer";
            } else if (!seen.add(channel + "|" + ean)) {
                rejection = "duplicate sales_channel_id and ean in one request";
            }
            ObjectNode entry = results.addObject();
            entry.set("item", item.deepCopy());
            ObjectNode result = entry.putObject("result");
            if (rejection == null) {
                store.setStock(channel, ean, quantity.asInt());
                result.put("status", "ACCEPTED").put("code", "0");
            } else {
                result.put("status", "REJECTED").put("code", "1").put("description", rejection);
            }
        }
        return SimResponse.json(207, answer);
    }
}

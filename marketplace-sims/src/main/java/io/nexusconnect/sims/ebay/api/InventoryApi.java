package io.nexusconnect.sims.ebay.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.EbayStore;
import io.nexusconnect.sims.ebay.http.EbayCall;
import io.nexusconnect.sims.ebay.http.EbayErrors;
import io.nexusconnect.sims.ebay.http.EbayException;
import io.nexusconnect.sims.ebay.model.InventoryRecord;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.nexusconnect.sims.ebay.api.EbayJson.amount;

/**
 * Inventory API v1: getInventoryItems (offset = page number, as the spec says), getOffers by SKU and
 * bulkUpdatePriceQuantity (≤ 25 requests, one answer per request, 207 when any failed).
 */
public final class InventoryApi {
    public static final String BASE_PATH = "/sell/inventory/v1";
    public static final int BULK_LIMIT = 25;
    private final EbayStore store;

    public InventoryApi(EbayStore store) {
        this.store = store;
    }

    public SimResponse getInventoryItems(EbayCall call) {
        int limit = pagination(call.query("limit"), 25, 1, 200);
        int page = pagination(call.query("offset"), 0, 0, Integer.MAX_VALUE);
        List<InventoryRecord> items = store.items();
        int pages = (items.size() + limit - 1) / limit;
        long fromLong = (long) page * limit;
        int from = (int) Math.min(items.size(), fromLong);
        int to = Math.min(items.size(), from + limit);
        String base = call.baseUrl() + BASE_PATH + "/inventory_item?limit=" + limit + "&offset=";
        ObjectNode body = Json.object().put("href", base + page).put("limit", limit).put("size", pages)
                .put("total", items.size());
        if (page + 1 < pages) {
            body.put("next", base + (page + 1));
        }
        if (page > 0) {
            body.put("prev", base + (page - 1));
        }
        ArrayNode list = body.putArray("inventoryItems");
        items.subList(from, to).forEach(i -> list.add(item(i)));
        return SimResponse.json(200, body);
    }

    public SimResponse getOffers(EbayCall call) {
        String sku = call.query("sku");
        if (sku == null || sku.isBlank() || sku.length() > 50) {
            throw new EbayException(EbayErrors.badRequest(EbayApi.INVENTORY, 25709, "Invalid value for sku.", "sku",
                    sku));
        }
        Optional<InventoryRecord> item = store.item(sku);
        if (item.isEmpty()) {
            return EbayErrors.notFound(EbayApi.INVENTORY, 25713, "This Offer is not available.");
        }
        ObjectNode body = Json.object().put("href", call.baseUrl() + BASE_PATH + "/offer?sku=" + sku)
                .put("limit", 100).put("size", 1).put("total", 1);
        body.putArray("offers").add(offer(item.get()));
        return SimResponse.json(200, body);
    }

    public SimResponse bulkUpdatePriceQuantity(EbayCall call) {
        JsonNode body = call.bodyJson();
        JsonNode requests = body == null ? null : body.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty() || requests.size() > BULK_LIMIT) {
            throw new EbayException(EbayErrors.badRequest(EbayApi.INVENTORY, 25709,
                    "Invalid value for requests. Between 1 and " + BULK_LIMIT + " requests are allowed.", "requests",
                    requests == null ? null : String.valueOf(requests.size())));
        }
        ArrayNode responses = Json.array();
        boolean allOk = true;
        for (JsonNode request : requests) {
            List<ObjectNode> answers = call.rejectSubmission() ? List.of(rejected(request)) : apply(request);
            for (ObjectNode answer : answers) {
                allOk &= answer.path("statusCode").asInt() == 200;
                responses.add(answer);
            }
        }
        ObjectNode result = Json.object();
        result.set("responses", responses);
        return SimResponse.json(allOk ? 200 : 207, result);
    }

    private List<ObjectNode> apply(JsonNode request) {
        String sku = request.path("sku").asText(null);
        Optional<InventoryRecord> item = sku == null ? Optional.empty() : store.item(sku);
        if (item.isEmpty()) {
            return List.of(answer(sku, null, 400, EbayErrors.error(25702, "API_INVENTORY", "REQUEST",
                    sku + " could not be found or is not available in the system.", null)));
        }
        List<ObjectNode> answers = new ArrayList<>();
        JsonNode ship = request.get("shipToLocationAvailability");
        if (ship != null) {
            JsonNode quantity = ship.get("quantity");
            if (quantity == null || !quantity.canConvertToInt() || !quantity.isIntegralNumber() || quantity.asInt() < 0) {
                answers.add(answer(sku, null, 400, invalid("shipToLocationAvailability.quantity")));
            } else {
                store.setQuantity(sku, quantity.asInt());
                answers.add(answer(sku, null, 200, null));
            }
        }
        for (JsonNode offer : request.path("offers")) {
            String offerId = offer.path("offerId").asText(null);
            InventoryRecord current = store.item(sku).orElseThrow();
            if (offerId == null || !offerId.equals(current.offerId()) || !current.published()) {
                answers.add(answer(sku, offerId, 400, invalid("offerId")));
                continue;
            }
            if (offer.has("availableQuantity")) {
                store.setQuantity(sku, Math.max(0, offer.get("availableQuantity").asInt()));
            }
            if (offer.has("price")) {
                store.setPrice(sku, new BigDecimal(offer.path("price").path("value").asText("0")));
            }
            answers.add(answer(sku, offerId, 200, null));
        }
        if (answers.isEmpty()) {
            answers.add(answer(sku, null, 400, invalid("shipToLocationAvailability")));
        }
        return answers;
    }

    private static ObjectNode rejected(JsonNode request) {
        return answer(request.path("sku").asText(null), null, 400,
                EbayErrors.error(25002, "API_INVENTORY", "REQUEST", "Any User error. The submission was rejected.",
                        null));
    }

    private static ObjectNode invalid(String field) {
        return EbayErrors.error(25709, "API_INVENTORY", "REQUEST", "Invalid value for " + field + ".", null);
    }

    private static ObjectNode answer(String sku, String offerId, int status, ObjectNode error) {
        ObjectNode answer = Json.object().put("statusCode", status);
        if (offerId != null) {
            answer.put("offerId", offerId);
        }
        answer.put("sku", sku);
        if (error != null) {
            answer.putArray("errors").add(error);
        }
        return answer;
    }

    private static ObjectNode item(InventoryRecord item) {
        ObjectNode json = Json.object().put("sku", item.sku()).put("locale", "en_US").put("condition", item.condition());
        ObjectNode product = json.putObject("product").put("title", item.title());
        product.putArray("imageUrls").add("https://i.ebayimg.com/images/g/" + item.sku() + "/s-l1600.jpg");
        json.putObject("availability").putObject("shipToLocationAvailability").put("quantity", item.quantity());
        return json;
    }

    private static ObjectNode offer(InventoryRecord item) {
        ObjectNode json = Json.object().put("offerId", item.offerId()).put("sku", item.sku())
                .put("marketplaceId", "EBAY_US").put("format", "FIXED_PRICE").put("listingDuration", "GTC")
                .put("availableQuantity", item.quantity()).put("status", item.offerStatus());
        json.putObject("pricingSummary").set("price", amount(item.price(), item.currency()));
        if (item.published()) {
            json.putObject("listing").put("listingId", item.listingId()).put("listingStatus", item.listingStatus())
                    .put("soldQuantity", item.soldQuantity()).put("listingOnHold", item.listingOnHold());
        }
        return json;
    }

    private static int pagination(String text, int fallback, int min, int max) {
        return QueryNumbers.within(text, fallback, min, max).orElseThrow(() -> new EbayException(
                EbayErrors.badRequest(EbayApi.INVENTORY, 25706, "You have provided invalid pagination values. "
                        + text + ".", null, null)));
    }
}

package io.nexusconnect.sims.walmart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single-SKU inventory ({@code PUT/GET /v3/inventory?sku=}, inventory.json) and the bulk inventory feed
 * ({@code POST /v3/feeds?feedType=inventory}, {@code GET /v3/feeds/{feedId}?includeDetails=true}, feeds.json). A
 * feed is RECEIVED until its processing time has passed, then its items are applied and it is PROCESSED with a status
 * per item; feeds beyond the per-hour limit of a feed type are refused with 429.
 */
final class InventoryApi {
    private record FeedItem(String sku, Integer amount) {
    }

    private static final class Feed {
        final String id;
        final Instant submitted;
        final List<FeedItem> items;
        final List<String> errors = new ArrayList<>();
        boolean processed;

        Feed(String id, Instant submitted, List<FeedItem> items) {
            this.id = id;
            this.submitted = submitted;
            this.items = items;
        }
    }

    private final WalmartStore store;
    private final int feedsPerHour;
    private final Duration processing;
    private final Map<String, Feed> feeds = new LinkedHashMap<>();
    private final Map<String, Deque<Instant>> submissions = new LinkedHashMap<>();

    InventoryApi(WalmartStore store, int feedsPerHour, Duration processing) {
        this.store = store;
        this.feedsPerHour = feedsPerHour;
        this.processing = processing;
    }

    SimResponse get(WalmartCall call) {
        var item = store.item(call.query("sku"));
        if (item.isEmpty()) {
            return WalmartErrors.notFound("CONTENT_NOT_FOUND.GMP_INVENTORY_API", "Item not found.");
        }
        return SimResponse.json(200, inventory(item.get().sku, item.get().quantity));
    }

    SimResponse put(WalmartCall call) {
        JsonNode body = Json.parseOrNull(call.body());
        String sku = call.query("sku");
        if (body == null || sku == null || !body.path("quantity").path("amount").canConvertToInt()) {
            return WalmartErrors.badRequest("INVALID_REQUEST_CONTENT.GMP_INVENTORY_API", "quantity",
                    "sku query parameter and quantity.amount are required");
        }
        var item = store.item(sku);
        if (item.isEmpty()) {
            return WalmartErrors.notFound("CONTENT_NOT_FOUND.GMP_INVENTORY_API", "Item not found.");
        }
        int amount = body.path("quantity").path("amount").asInt();
        if (amount < 0 || call.rejectSubmission()) {
            return WalmartErrors.badRequest("INVALID_REQUEST_CONTENT.GMP_INVENTORY_API", "quantity.amount",
                    "quantity.amount must not be negative");
        }
        store.setQuantity(item.get(), amount);
        return SimResponse.json(200, inventory(sku, amount));
    }

    synchronized SimResponse submitFeed(WalmartCall call) {
        String feedType = call.query("feedType");
        if (!"inventory".equalsIgnoreCase(feedType)) {
            return WalmartErrors.badRequest("INVALID_REQUEST_PARAM.GMP_FEEDS_API", "feedType",
                    "The simulator takes feedType=inventory");
        }
        Deque<Instant> recent = submissions.computeIfAbsent(feedType.toLowerCase(), t -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(call.now().minus(Duration.ofHours(1)))) {
            recent.pollFirst();
        }
        if (recent.size() >= feedsPerHour) {
            return WalmartErrors.of(429, "REQUEST_THRESHOLD_VIOLATED.GMP_FEEDS_API", "feedType",
                    "Feed submission limit of " + feedsPerHour + " per hour reached for " + feedType, "ERROR",
                    "REQUEST");
        }
        JsonNode doc = Json.parseOrNull(jsonPart(call.body(), call.contentType()));
        if (doc == null || !doc.path("Inventory").isArray()) {
            return WalmartErrors.badRequest("INVALID_REQUEST_CONTENT.GMP_FEEDS_API", "file",
                    "The file is not an inventory feed (InventoryHeader, Inventory[])");
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode entry : doc.path("Inventory")) {
            JsonNode amount = entry.path("quantity").path("amount");
            items.add(new FeedItem(entry.path("sku").asText(null), amount.canConvertToInt() ? amount.asInt() : null));
        }
        recent.addLast(call.now());
        String id = "F" + String.format("%012d", feeds.size() + 1) + "@WMSIM";
        feeds.put(id, new Feed(id, call.now(), items));
        return SimResponse.json(200, Json.object().put("feedId", id));
    }

    synchronized SimResponse getFeed(WalmartCall call) {
        Feed feed = feeds.get(call.path("feedId"));
        if (feed == null) {
            return WalmartErrors.notFound("CONTENT_NOT_FOUND.GMP_FEEDS_API", "Feed not found.");
        }
        if (!feed.processed && !call.now().isBefore(feed.submitted.plus(processing))) {
            apply(feed);
        }
        ObjectNode body = Json.object().put("feedId", feed.id)
                .put("feedStatus", feed.processed ? "PROCESSED" : "RECEIVED")
                .put("feedSubmissionDate", feed.submitted.toEpochMilli()).put("itemsReceived", feed.items.size());
        long failed = feed.errors.stream().filter(e -> e != null).count();
        body.put("itemsSucceeded", feed.processed ? feed.items.size() - failed : 0)
                .put("itemsFailed", feed.processed ? failed : 0)
                .put("itemsProcessing", feed.processed ? 0 : feed.items.size());
        if ("true".equals(call.query("includeDetails")) && feed.processed) {
            ArrayNode statuses = body.putObject("itemDetails").putArray("itemIngestionStatus");
            for (int i = 0; i < feed.items.size(); i++) {
                ObjectNode s = statuses.addObject().put("sku", feed.items.get(i).sku()).put("index", i);
                String error = feed.errors.get(i);
                s.put("ingestionStatus", error == null ? "SUCCESS" : "DATA_ERROR");
                if (error != null) {
                    s.putObject("ingestionErrors").putArray("ingestionError").addObject().put("type", "DATA_ERROR")
                            .put("code", "ERR_EXT_DATA_0101001").put("description", error);
                }
            }
        }
        return SimResponse.json(200, body);
    }

    private void apply(Feed feed) {
        for (FeedItem entry : feed.items) {
            var item = entry.sku() == null ? java.util.Optional.<WalmartStore.Item>empty() : store.item(entry.sku());
            if (item.isEmpty()) {
                feed.errors.add("SKU not found: " + entry.sku());
            } else if (entry.amount() == null || entry.amount() < 0) {
                feed.errors.add("quantity.amount must be a non-negative integer");
            } else {
                store.setQuantity(item.get(), entry.amount());
                feed.errors.add(null);
            }
        }
        feed.processed = true;
    }

    /** The feed file travels as multipart/form-data at Walmart; a bare JSON body is accepted too. */
    private static String jsonPart(String body, String contentType) {
        if (body == null || contentType == null || !contentType.startsWith("multipart/")) {
            return body;
        }
        int start = body.indexOf('{');
        int end = body.lastIndexOf('}');
        return start < 0 || end < start ? null : body.substring(start, end + 1);
    }

    private static ObjectNode inventory(String sku, int amount) {
        ObjectNode node = Json.object().put("sku", sku);
        node.putObject("quantity").put("unit", "EACH").put("amount", amount);
        return node;
    }
}

package io.nexusconnect.sims.zalando;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The Orders API: {@code GET /merchants/{merchant_id}/orders} as a JSON:API document (filters {@code exported},
 * {@code order_status}, {@code created_after}, {@code last_updated_after} — exclusive bounds —, {@code page_number}
 * from 0, {@code page_size}, {@code include=order_items,order_lines}) and the export PATCH
 * ({@code merchant_order_id} sets {@code exported=true}).
 */
final class OrdersApi {
    static final String JSON_API = "application/vnd.api+json";

    private final ZalandoStore store;
    private final String merchantId;
    private final int maxPageSize;

    OrdersApi(ZalandoStore store, String merchantId, int maxPageSize) {
        this.store = store;
        this.merchantId = merchantId;
        this.maxPageSize = maxPageSize;
    }

    SimResponse list(ZalandoCall call) {
        if (!merchantId.equals(call.path().get("merchant_id"))) {
            return ZalandoErrors.problem(403, "Forbidden", "No access to merchant " + call.path().get("merchant_id"));
        }
        Predicate<ZalandoStore.Order> filter;
        int pageNumber;
        int pageSize;
        try {
            filter = filter(call);
            pageNumber = intParam(call, "page_number", 0);
            pageSize = intParam(call, "page_size", 50);
        } catch (IllegalArgumentException e) {
            return ZalandoErrors.problem(400, "Bad Request", e.getMessage());
        }
        if (pageNumber < 0 || pageSize < 1 || pageSize > maxPageSize) {
            return ZalandoErrors.problem(400, "Bad Request", "page_number >= 0 and 1 <= page_size <= " + maxPageSize);
        }
        store.listed();
        List<ZalandoStore.Order> matching = store.orders().stream().filter(filter).toList();
        List<ZalandoStore.Order> page = matching.stream().skip((long) pageNumber * pageSize).limit(pageSize).toList();
        String include = call.query().get("include");
        boolean items = include != null && include.contains("order_items");
        boolean lines = include != null && include.contains("order_lines");
        ObjectNode document = Json.object();
        ArrayNode data = document.putArray("data");
        ArrayNode included = Json.array();
        page.forEach(order -> data.add(resource(order, items, lines, included)));
        if (items || lines) {
            document.set("included", included);
        }
        ObjectNode links = document.putObject("links");
        String self = call.baseUrl() + "/merchants/" + merchantId + "/orders?" + query(call, pageNumber);
        links.put("self", self);
        if ((long) (pageNumber + 1) * pageSize < matching.size()) {
            links.put("next", call.baseUrl() + "/merchants/" + merchantId + "/orders?" + query(call, pageNumber + 1));
        }
        return jsonApi(200, document);
    }

    /** {@code PATCH .../orders/{order_id}}: a merchant order id exports the order; repeating it is harmless. */
    SimResponse patch(ZalandoCall call) {
        if (!merchantId.equals(call.path().get("merchant_id"))) {
            return ZalandoErrors.problem(403, "Forbidden", "No access to merchant " + call.path().get("merchant_id"));
        }
        var order = store.order(call.path().get("order_id"));
        if (order.isEmpty()) {
            return ZalandoErrors.problem(404, "Not Found", "Order " + call.path().get("order_id") + " not found");
        }
        if (call.contentType() == null || !call.contentType().startsWith(JSON_API)) {
            return ZalandoErrors.problem(415, "Unsupported Media Type", "Content-Type must be " + JSON_API);
        }
        JsonNode body = Json.parseOrNull(call.body());
        JsonNode attributes = body == null ? null : body.path("data").path("attributes");
        String merchantOrderId = attributes == null ? null : attributes.path("merchant_order_id").asText(null);
        if (merchantOrderId == null || !merchantOrderId.matches("[A-Za-z0-9]{1,64}")) {
            return ZalandoErrors.problem(400, "Bad Request",
                    "data.attributes.merchant_order_id must be alphanumeric");
        }
        if (!order.get().id.equals(body.path("data").path("id").asText())) {
            return ZalandoErrors.problem(400, "Bad Request", "data.id must be the order id");
        }
        store.export(order.get(), merchantOrderId);
        return new SimResponse(204, java.util.Map.of(), new byte[0]);
    }

    private static Predicate<ZalandoStore.Order> filter(ZalandoCall call) {
        Predicate<ZalandoStore.Order> filter = o -> true;
        String exported = call.query().get("exported");
        if (exported != null) {
            boolean wanted = Boolean.parseBoolean(exported);
            filter = filter.and(o -> o.exported() == wanted);
        }
        String status = call.query().get("order_status");
        if (status != null) {
            List<String> statuses = List.of(status.split(","));
            filter = filter.and(o -> statuses.contains(o.status));
        }
        Instant updatedAfter = instant(call, "last_updated_after");
        if (updatedAfter != null) {
            filter = filter.and(o -> o.modifiedAt.isAfter(updatedAfter));
        }
        Instant createdAfter = instant(call, "created_after");
        if (createdAfter != null) {
            filter = filter.and(o -> o.createdAt.isAfter(createdAfter));
        }
        return filter;
    }

    private static Instant instant(ZalandoCall call, String name) {
        String value = call.query().get(name);
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 date-time: " + value);
        }
    }

    private static int intParam(ZalandoCall call, String name, int fallback) {
        String value = call.query().get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer: " + value);
        }
    }

    private static String query(ZalandoCall call, int pageNumber) {
        StringBuilder query = new StringBuilder();
        call.query().names().stream().filter(n -> !n.equals("page_number")).sorted().forEach(name ->
                query.append(name).append('=').append(java.net.URLEncoder.encode(call.query().get(name),
                        java.nio.charset.StandardCharsets.UTF_8)).append('&'));
        return query.append("page_number=").append(pageNumber).toString();
    }

    private static ObjectNode resource(ZalandoStore.Order order, boolean items, boolean lines, ArrayNode included) {
        ObjectNode resource = Json.object().put("type", "Order").put("id", order.id);
        ObjectNode attributes = resource.putObject("attributes");
        attributes.put("order_id", order.id).put("order_number", order.orderNumber)
                .put("merchant_order_id", order.merchantOrderId).put("status", order.status)
                .put("exported", order.exported()).put("order_type", order.orderType)
                .put("sales_channel_id", order.salesChannelId).put("locale", order.locale)
                .put("created_at", Json.time(order.createdAt)).put("modified_at", Json.time(order.modifiedAt))
                .put("order_lines_count", order.linesCount())
                .put("order_lines_price_amount", order.linesAmount())
                .put("order_lines_price_currency", "EUR");
        ArrayNode itemRefs = resource.putObject("relationships").putObject("order_items").putArray("data");
        for (ZalandoStore.Item item : order.items) {
            itemRefs.addObject().put("type", "OrderItem").put("id", item.id());
            if (items) {
                included.add(item(item));
            }
            if (lines) {
                item.lines().forEach(line -> included.add(line(line)));
            }
        }
        return resource;
    }

    private static ObjectNode item(ZalandoStore.Item item) {
        ObjectNode resource = Json.object().put("type", "OrderItem").put("id", item.id());
        resource.putObject("attributes").put("order_item_id", item.id()).put("article_id", item.articleId())
                .put("ean", item.ean()).put("description", item.description())
                .put("quantity_initial", item.lines().size());
        ArrayNode lineRefs = resource.putObject("relationships").putObject("order_lines").putArray("data");
        Stream.of(item.lines().toArray(ZalandoStore.Line[]::new))
                .forEach(l -> lineRefs.addObject().put("type", "OrderLine").put("id", l.id()));
        return resource;
    }

    private static ObjectNode line(ZalandoStore.Line line) {
        ObjectNode resource = Json.object().put("type", "OrderLine").put("id", line.id());
        ObjectNode attributes = resource.putObject("attributes").put("order_line_id", line.id())
                .put("status", line.status());
        attributes.putObject("price").put("amount", line.amount()).put("currency", line.currency());
        return resource;
    }

    static SimResponse jsonApi(int status, JsonNode body) {
        return SimResponse.json(status, body).withHeader(SimResponse.CONTENT_TYPE, JSON_API);
    }
}

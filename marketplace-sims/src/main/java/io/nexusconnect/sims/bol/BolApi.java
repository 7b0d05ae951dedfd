package io.nexusconnect.sims.bol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The Retailer and Shared API operations the simulator answers, in the shapes of retailer.json and shared.json. */
final class BolApi {
    static final int PAGE_SIZE = 50;
    private static final ZoneOffset AMSTERDAM_WINTER = ZoneOffset.ofHours(1);

    private final BolStore store;
    private final Duration processing;
    private final String baseUrl;

    BolApi(BolStore store, Duration processing, String baseUrl) {
        this.store = store;
        this.processing = processing;
        this.baseUrl = baseUrl;
    }

    /** {@code get-orders}: 50 per page, FBR by default (spec), open items by default, an empty page at the end. */
    SimResponse orders(BolCall call) {
        int page;
        try {
            page = call.query("page") == null ? 1 : Integer.parseInt(call.query("page"));
        } catch (NumberFormatException e) {
            return BolProblems.badRequest("page must be a number.");
        }
        String method = call.query("fulfilment-method") == null ? "FBR" : call.query("fulfilment-method");
        String status = call.query("status") == null ? "OPEN" : call.query("status");
        if (page < 1 || !List.of("FBR", "FBB", "ALL").contains(method)
                || !List.of("OPEN", "SHIPPED", "ALL").contains(status)) {
            return BolProblems.badRequest("Invalid page, fulfilment-method or status.");
        }
        List<ObjectNode> matching = store.orders().stream().map(o -> reduced(o, method, status))
                .filter(o -> !o.path("orderItems").isEmpty()).toList();
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("orders");
        matching.stream().skip((long) (page - 1) * PAGE_SIZE).limit(PAGE_SIZE).forEach(list::add);
        return v10(200, body);
    }

    private ObjectNode reduced(BolStore.Order order, String method, String status) {
        ObjectNode node = Json.object().put("orderId", order.orderId())
                .put("orderPlacedDateTime", order.placed().atOffset(AMSTERDAM_WINTER).toString());
        ArrayNode items = node.putArray("orderItems");
        for (BolStore.Item item : order.items()) {
            boolean methodMatches = method.equals("ALL") || method.equals(item.fulfilmentMethod());
            boolean statusMatches = status.equals("ALL") || status.equals("OPEN") == item.open();
            if (methodMatches && statusMatches) {
                items.addObject().put("orderItemId", item.orderItemId()).put("ean", item.offer().ean())
                        .put("fulfilmentMethod", item.fulfilmentMethod())
                        .put("fulfilmentStatus", item.open() ? "OPEN" : "HANDLED").put("quantity", item.quantity())
                        .put("quantityShipped", item.quantityShipped()).put("quantityCancelled", 0)
                        .put("cancellationRequest", false)
                        .put("latestChangedDateTime", item.changed().atOffset(AMSTERDAM_WINTER).toString());
            }
        }
        return node;
    }

    /** {@code get-order}: the full order with offer, product, unit and total price per item. */
    SimResponse order(BolCall call) {
        return store.order(call.path("orderId")).map(o -> v10(200, full(o)))
                .orElseGet(() -> BolProblems.notFound("Order " + call.path("orderId")));
    }

    private static ObjectNode full(BolStore.Order order) {
        ObjectNode node = Json.object().put("orderId", order.orderId()).put("pickupPoint", false)
                .put("orderPlacedDateTime", order.placed().atOffset(AMSTERDAM_WINTER).toString());
        node.putObject("shipmentDetails").put("salutation", "MALE").put("firstName", "Jan").put("surname", "Jansen")
                .put("streetName", "Kerkstraat").put("houseNumber", "1").put("zipCode", "1012AB")
                .put("city", "Amsterdam").put("countryCode", "NL").put("email", "customer@example.invalid")
                .put("language", "nl");
        node.putObject("billingDetails").put("firstName", "Jan").put("surname", "Jansen")
                .put("countryCode", "NL").put("email", "customer@example.invalid");
        ArrayNode items = node.putArray("orderItems");
        for (BolStore.Item item : order.items()) {
            ObjectNode line = items.addObject().put("orderItemId", item.orderItemId())
                    .put("cancellationRequest", false);
            line.putObject("fulfilment").put("method", item.fulfilmentMethod()).put("distributionParty", "RETAILER")
                    .put("latestDeliveryDate", order.placed().plus(Duration.ofDays(2)).atOffset(AMSTERDAM_WINTER)
                            .toLocalDate().toString());
            line.putObject("offer").put("offerId", item.offer().offerId()).put("reference", item.offer().reference());
            line.putObject("product").put("ean", item.offer().ean()).put("title", item.offer().title());
            line.put("quantity", item.quantity()).put("quantityShipped", item.quantityShipped())
                    .put("quantityCancelled", 0).put("unitPrice", item.unitPrice()).put("totalPrice", item.totalPrice())
                    .put("latestChangedDateTime", item.changed().atOffset(AMSTERDAM_WINTER).toString());
            if (item.discount().signum() > 0) {
                line.putArray("discounts").addObject().put("title", "Multi-buy").put("amount", item.discount());
            }
        }
        return node;
    }

    /** {@code update-offer-stock}: 202 with a PENDING process status; amount 0..999, managedByRetailer required. */
    SimResponse updateStock(BolCall call) {
        JsonNode body = Json.parseOrNull(call.body());
        if (body == null || !body.path("amount").isInt() || !body.path("managedByRetailer").isBoolean()) {
            return BolProblems.badRequest("amount and managedByRetailer are required.");
        }
        int amount = body.path("amount").asInt();
        if (amount < 0 || amount > 999) {
            return BolProblems.badRequest("amount must be between 0 and 999.");
        }
        BolStore.Process process = store.startStockUpdate(call.path("offerId"), amount,
                body.path("managedByRetailer").asBoolean(), call.now(), processing);
        return v10(202, status(process, call));
    }

    /** {@code post-offer-export}: {@code {format: CSV}} → 202 with a process status whose entity is the report id. */
    SimResponse requestExport(BolCall call) {
        JsonNode body = Json.parseOrNull(call.body());
        if (body == null || !"CSV".equals(body.path("format").asText())) {
            return BolProblems.badRequest("format must be CSV.");
        }
        return v10(202, status(store.startExport(call.now(), processing), call));
    }

    /** {@code get-offer-export}: the CSV file once the export's process status says SUCCESS. */
    SimResponse export(BolCall call) {
        return store.export(call.path("reportId"))
                .map(csv -> new SimResponse(200, Map.of(SimResponse.CONTENT_TYPE, BolGateway.CSV_V10),
                        csv.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> BolProblems.notFound("Report " + call.path("reportId")));
    }

    /** {@code get-process-status} (Shared API). */
    SimResponse processStatus(BolCall call) {
        return store.process(call.path("id")).map(p -> v10(200, status(p, call)))
                .orElseGet(() -> BolProblems.notFound("Process status " + call.path("id")));
    }

    /** {@code get-process-status-bulk}: up to 1,000 ids in {@code processStatusQueries}; unknown ids are left out. */
    SimResponse processStatuses(BolCall call) {
        JsonNode queries = Json.parseOrNull(call.body()) == null ? null
                : Json.parseOrNull(call.body()).path("processStatusQueries");
        if (queries == null || !queries.isArray() || queries.isEmpty() || queries.size() > 1000) {
            return BolProblems.badRequest("processStatusQueries must hold 1 to 1000 process status ids.");
        }
        ObjectNode body = Json.object();
        ArrayNode statuses = body.putArray("processStatuses");
        for (JsonNode query : queries) {
            store.process(query.path("processStatusId").asText()).ifPresent(p -> statuses.add(status(p, call)));
        }
        return v10(200, body);
    }

    ObjectNode status(BolStore.Process process, BolCall call) {
        boolean pending = call.now().isBefore(process.resolvesAt());
        String state = pending ? "PENDING" : store.settle(process).name();
        ObjectNode node = Json.object().put("processStatusId", process.id()).put("entityId", process.entityId())
                .put("eventType", process.eventType()).put("description", process.description())
                .put("status", state).put("createTimestamp", process.created().atOffset(AMSTERDAM_WINTER).toString());
        if (!pending && process.errorMessage() != null) {
            node.put("errorMessage", process.errorMessage());
        }
        node.putArray("links").addObject().put("rel", "self")
                .put("href", baseUrl + "/shared/process-status/" + process.id()).put("method", "GET");
        return node;
    }

    static SimResponse v10(int status, JsonNode body) {
        return new SimResponse(status, Map.of(SimResponse.CONTENT_TYPE, BolGateway.JSON_V10), Json.bytes(body));
    }
}

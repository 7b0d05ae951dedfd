package io.nexusconnect.sims.walmart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code GET /v3/orders} (orders.json getAllOrders) and {@code POST /v3/orders/{purchaseOrderId}/acknowledge}.
 * Pages follow {@code list.meta.nextCursor}, a query string to append to {@code /v3/orders}; an empty result is a 404
 * {@code CONTENT_NOT_FOUND.GMP_ORDER_API}, as Walmart answers it.
 */
final class OrdersApi {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 200;
    private final WalmartStore store;
    private final WalmartSimConfig.ChargeBasis chargeBasis;

    OrdersApi(WalmartStore store, WalmartSimConfig.ChargeBasis chargeBasis) {
        this.store = store;
        this.chargeBasis = chargeBasis;
    }

    SimResponse getAll(WalmartCall call) {
        Instant createdStart;
        Instant modifiedStart;
        Instant modifiedEnd;
        int limit;
        int offset;
        try {
            modifiedStart = date(call.query("lastModifiedStartDate"));
            modifiedEnd = date(call.query("lastModifiedEndDate"));
            Instant createdGiven = date(call.query("createdStartDate"));
            createdStart = createdGiven != null || modifiedStart != null ? createdGiven
                    : call.now().minus(java.time.Duration.ofDays(7));
            limit = call.query("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(call.query("limit"));
            offset = call.query("soIndex") == null ? 0 : Integer.parseInt(call.query("soIndex"));
        } catch (RuntimeException e) {
            return WalmartErrors.badRequest("INVALID_REQUEST_PARAM.GMP_ORDER_API", "query",
                    "Invalid request parameter: " + e.getMessage());
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return WalmartErrors.badRequest("INVALID_REQUEST_PARAM.GMP_ORDER_API", "limit",
                    "limit must be between 1 and " + MAX_LIMIT);
        }
        Instant oldest = call.now().minus(java.time.Duration.ofDays(180));
        String status = call.query("status");
        Predicate<WalmartStore.PurchaseOrder> filter = o -> !o.orderDate.isBefore(oldest)
                && (createdStart == null || !o.orderDate.isBefore(createdStart))
                && (modifiedStart == null || !o.lastModified.isBefore(modifiedStart))
                && (modifiedEnd == null || !o.lastModified.isAfter(modifiedEnd))
                && (status == null || o.allLines(status));
        List<WalmartStore.PurchaseOrder> all = store.find(filter);
        if (all.isEmpty() || offset >= all.size()) {
            return WalmartErrors.notFound("CONTENT_NOT_FOUND.GMP_ORDER_API", "No orders found.");
        }
        List<WalmartStore.PurchaseOrder> page = all.subList(offset, Math.min(all.size(), offset + limit));
        ObjectNode body = Json.object();
        ObjectNode list = body.putObject("list");
        ObjectNode meta = list.putObject("meta").put("totalCount", all.size()).put("limit", limit);
        int next = offset + page.size();
        if (next < all.size()) {
            StringBuilder cursor = new StringBuilder("?limit=" + limit + "&hasMoreElements=true&soIndex=" + next);
            for (String carried : List.of("createdStartDate", "lastModifiedStartDate", "lastModifiedEndDate",
                    "status")) {
                if (call.query(carried) != null) {
                    cursor.append('&').append(carried).append('=')
                            .append(URLEncoder.encode(call.query(carried), StandardCharsets.UTF_8));
                }
            }
            meta.put("nextCursor", cursor.toString());
        }
        ArrayNode orders = list.putObject("elements").putArray("order");
        page.forEach(o -> orders.add(json(o)));
        return SimResponse.json(200, body);
    }

    /** {@code GET /v3/orders/{purchaseOrderId}} (getAnOrder): {@code {"order": {...}}}, 404 when unknown. */
    SimResponse get(WalmartCall call) {
        var order = store.order(call.path("purchaseOrderId"));
        if (order.isEmpty()) {
            return WalmartErrors.notFound("CONTENT_NOT_FOUND.GMP_ORDER_API", "Purchase order not found.");
        }
        ObjectNode body = Json.object();
        body.set("order", json(order.get()));
        return SimResponse.json(200, body);
    }

    SimResponse acknowledge(WalmartCall call) {
        var order = store.order(call.path("purchaseOrderId"));
        if (order.isEmpty()) {
            return WalmartErrors.notFound("CONTENT_NOT_FOUND.GMP_ORDER_API", "Purchase order not found.");
        }
        boolean acknowledgeable = order.get().lines.stream()
                .allMatch(l -> l.status.equals("Created") || l.status.equals("Acknowledged"));
        if (!acknowledgeable) {
            return WalmartErrors.badRequest("INVALID_REQUEST_CONTENT.GMP_ORDER_API", "purchaseOrderId",
                    "Only orders in Created or Acknowledged status can be acknowledged.");
        }
        store.acknowledge(order.get());
        ObjectNode body = Json.object();
        body.set("order", json(order.get()));
        return SimResponse.json(200, body);
    }

    ObjectNode json(WalmartStore.PurchaseOrder order) {
        ObjectNode o = Json.object().put("purchaseOrderId", order.purchaseOrderId)
                .put("customerOrderId", order.customerOrderId)
                .put("customerEmailId", order.customerOrderId + "@relay.walmart.com")
                .put("orderType", "REGULAR").put("orderDate", order.orderDate.toEpochMilli());
        ObjectNode shipping = o.putObject("shippingInfo").put("phone", "3155550100")
                .put("estimatedDeliveryDate", order.orderDate.plus(java.time.Duration.ofDays(5)).toEpochMilli())
                .put("estimatedShipDate", order.orderDate.plus(java.time.Duration.ofDays(1)).toEpochMilli())
                .put("methodCode", "Value");
        shipping.putObject("postalAddress").put("name", "Demo Buyer").put("address1", "1 Main St")
                .put("city", "Bentonville").put("state", "AR").put("postalCode", "72712").put("country", "USA")
                .put("addressType", "RESIDENTIAL");
        ArrayNode lines = o.putObject("orderLines").putArray("orderLine");
        for (WalmartStore.Line line : order.lines) {
            BigDecimal factor = chargeBasis == WalmartSimConfig.ChargeBasis.UNIT ? BigDecimal.ONE
                    : BigDecimal.valueOf(line.quantity);
            ObjectNode l = lines.addObject().put("lineNumber", line.lineNumber);
            l.putObject("item").put("productName", line.productName).put("sku", line.sku);
            ObjectNode charge = l.putObject("charges").putArray("charge").addObject().put("chargeType", "PRODUCT")
                    .put("chargeName", "ItemPrice");
            charge.putObject("chargeAmount").put("currency", "USD").put("amount", line.unitPrice.multiply(factor));
            ObjectNode tax = charge.putObject("tax").put("taxName", "Tax1");
            tax.putObject("taxAmount").put("currency", "USD").put("amount", line.unitTax.multiply(factor));
            l.putObject("orderLineQuantity").put("unitOfMeasurement", "EACH")
                    .put("amount", Integer.toString(line.quantity));
            l.put("statusDate", order.lastModified.toEpochMilli());
            ObjectNode status = l.putObject("orderLineStatuses").putArray("orderLineStatus").addObject()
                    .put("status", line.status);
            status.putObject("statusQuantity").put("unitOfMeasurement", "EACH")
                    .put("amount", Integer.toString(line.quantity));
        }
        o.putObject("shipNode").put("type", "SellerFulfilled");
        return o;
    }

    /** Walmart takes ISO dates and date-times (UTC) for the date filters. */
    static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return Instant.parse(value);
    }
}

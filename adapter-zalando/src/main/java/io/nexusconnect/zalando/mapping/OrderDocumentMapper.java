package io.nexusconnect.zalando.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nexusconnect.adapterkit.mapping.JsonFields.decimal;
import static io.nexusconnect.adapterkit.mapping.JsonFields.requiredText;

/**
 * A JSON:API page of the Orders API to normalized {@link Order}s. Each {@code Order} resource names its
 * {@code order_items}; each {@code OrderItem} (one article, by EAN) names its {@code order_lines}, one line per unit,
 * each with its own {@code price}. So an item becomes one normalized line: quantity = its line count, line total =
 * the sum of its lines' prices, unit price = that total over the quantity. Canceled lines are left out of quantity
 * and totals (they are not sold); shipped and returned lines count as shipped.
 */
public final class OrderDocumentMapper {
    private OrderDocumentMapper() {
    }

    /** The identity a normalized order carries. */
    public record Context(UUID connectionId, String tenantId, UUID syncId, Instant observedAt) {
    }

    /** @throws IllegalArgumentException when a required field or an included resource is missing (malformed page) */
    public static List<Order> toOrders(JsonNode document, Context context) {
        JsonNode data = document.path("data");
        if (!data.isArray()) {
            throw new IllegalArgumentException("a document without a data array");
        }
        Map<String, JsonNode> included = new HashMap<>();
        for (JsonNode resource : document.path("included")) {
            included.put(resource.path("type").asText() + "/" + resource.path("id").asText(), resource);
        }
        List<Order> orders = new ArrayList<>();
        for (JsonNode order : data) {
            orders.add(toOrder(order, included, context));
        }
        return orders;
    }

    static Order toOrder(JsonNode order, Map<String, JsonNode> included, Context context) {
        String id = requiredText(order, "id", "an order");
        JsonNode attributes = order.path("attributes");
        List<OrderLine> lines = new ArrayList<>();
        List<String> lineStatuses = new ArrayList<>();
        String currency = attributes.path("order_lines_price_currency").asText(null);
        for (JsonNode itemRef : order.path("relationships").path("order_items").path("data")) {
            JsonNode item = resolve(included, "OrderItem", itemRef, id);
            ItemLine line = item(item, included, id, currency);
            lineStatuses.addAll(line.statuses());
            if (line.line() != null) {
                lines.add(line.line());
                currency = line.line().lineTotal().currency();
            }
        }
        if (lineStatuses.isEmpty()) {
            throw new IllegalArgumentException("order " + id + " has no order lines (include=order_items,order_lines)");
        }
        BigDecimal total = lines.stream().map(l -> l.lineTotal().decimal()).reduce(BigDecimal.ZERO, BigDecimal::add);
        String zalandoStatus = attributes.path("status").asText("");
        Instant created = instant(attributes, "created_at", id);
        Instant modified = attributes.hasNonNull("modified_at") ? instant(attributes, "modified_at", id) : created;
        return new Order(context.connectionId(), context.tenantId(), Marketplace.ZALANDO, id,
                attributes.path("order_number").asText(id), status(zalandoStatus, lineStatuses), zalandoStatus,
                created, modified, Money.of(total, currency == null ? "EUR" : currency),
                attributes.path("sales_channel_id").asText(null), attributes.path("order_type").asText(null),
                lines, context.syncId(), context.observedAt());
    }

    private record ItemLine(OrderLine line, List<String> statuses) {
    }

    private static ItemLine item(JsonNode item, Map<String, JsonNode> included, String orderId, String currency) {
        String itemId = requiredText(item, "id", "an order item of " + orderId);
        JsonNode attributes = item.path("attributes");
        int quantity = 0;
        int shipped = 0;
        BigDecimal total = BigDecimal.ZERO;
        String lineCurrency = currency;
        List<String> statuses = new ArrayList<>();
        for (JsonNode lineRef : item.path("relationships").path("order_lines").path("data")) {
            JsonNode line = resolve(included, "OrderLine", lineRef, orderId);
            String status = line.path("attributes").path("status").asText("");
            statuses.add(status);
            if ("canceled".equals(status)) {
                continue;
            }
            JsonNode price = line.path("attributes").path("price");
            total = total.add(decimal(price.path("amount"), "price of order line " + lineRef.path("id").asText()));
            lineCurrency = price.path("currency").asText(lineCurrency);
            quantity++;
            if ("shipped".equals(status) || "returned".equals(status)) {
                shipped++;
            }
        }
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("order item " + itemId + " of " + orderId + " has no order lines");
        }
        if (quantity == 0) {
            return new ItemLine(null, statuses);
        }
        if (lineCurrency == null || lineCurrency.isBlank()) {
            throw new IllegalArgumentException("order item " + itemId + " of " + orderId + " has no currency");
        }
        BigDecimal unit = total.divide(BigDecimal.valueOf(quantity), Math.max(total.scale(), 2),
                RoundingMode.HALF_EVEN);
        String ean = attributes.path("ean").asText(null);
        return new ItemLine(new OrderLine(itemId, ean, attributes.path("article_id").asText(null),
                attributes.path("description").asText(null), quantity, shipped, Money.of(unit, lineCurrency),
                Money.of(total, lineCurrency), null, null, null), statuses);
    }

    /**
     * zDirect's order status with the lines': every line canceled → CANCELLED; {@code initial} (payment pending) →
     * PENDING; all live lines shipped or returned → SHIPPED, some → PARTIALLY_SHIPPED; otherwise approved → UNSHIPPED.
     */
    static OrderStatus status(String orderStatus, List<String> lineStatuses) {
        List<String> live = lineStatuses.stream().filter(s -> !"canceled".equals(s)).toList();
        if (live.isEmpty()) {
            return OrderStatus.CANCELLED;
        }
        if ("initial".equals(orderStatus)) {
            return OrderStatus.PENDING;
        }
        long shipped = live.stream().filter(s -> s.equals("shipped") || s.equals("returned")).count();
        if (shipped == live.size()) {
            return OrderStatus.SHIPPED;
        }
        if (shipped > 0) {
            return OrderStatus.PARTIALLY_SHIPPED;
        }
        return "approved".equals(orderStatus) || "fulfilled".equals(orderStatus) ? OrderStatus.UNSHIPPED
                : OrderStatus.UNKNOWN;
    }

    private static JsonNode resolve(Map<String, JsonNode> included, String type, JsonNode ref, String orderId) {
        JsonNode resource = included.get(type + "/" + ref.path("id").asText());
        if (resource == null) {
            throw new IllegalArgumentException("order " + orderId + " names " + type + " " + ref.path("id").asText()
                    + " that the document does not include");
        }
        return resource;
    }

    private static Instant instant(JsonNode attributes, String field, String orderId) {
        try {
            return OffsetDateTime.parse(attributes.path(field).asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("order " + orderId + " has no readable " + field);
        }
    }
}

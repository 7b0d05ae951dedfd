package io.nexusconnect.shopify.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A GraphQL {@code Order} with its line items as the normalized {@link Order}. Line prices follow the LineItem
 * reference (https://shopify.dev/docs/api/admin-graphql/2026-10/objects/LineItem): {@code originalUnitPriceSet} is
 * the unit price before discounts, {@code originalTotalSet} = unit price × quantity, and the discount allocations
 * (line-level and the line's share of order-level discounts) are what is taken off; so {@code unitPrice} =
 * originalUnitPrice, {@code discount} = Σ allocations, {@code lineTotal} = originalTotal − discount, {@code tax} =
 * Σ tax lines. Status: see {@link #status}.
 */
public final class OrderMapper {
    private OrderMapper() {
    }

    public static Order toOrder(JsonNode order, List<JsonNode> lines, UUID connectionId, String tenantId,
                                String shopDomain, String currencyOverride, UUID syncId, Instant observedAt) {
        String id = text(order, "id");
        String financial = order.path("displayFinancialStatus").asText(null);
        String fulfillment = order.path("displayFulfillmentStatus").asText(null);
        boolean cancelled = !order.path("cancelledAt").isNull() && !order.path("cancelledAt").isMissingNode();
        String processed = order.path("processedAt").asText(null);
        return new Order(connectionId, tenantId, Marketplace.SHOPIFY, id, order.path("name").asText(id),
                status(financial, fulfillment, cancelled),
                (financial == null ? "" : financial) + "/" + (fulfillment == null ? "" : fulfillment)
                        + (cancelled ? "/CANCELLED" : ""),
                Instant.parse(processed != null ? processed : text(order, "createdAt")),
                Instant.parse(text(order, "updatedAt")),
                ShopifyMoney.shop(order.path("totalPriceSet"), currencyOverride),
                shopDomain, null,
                lines.stream().map(l -> line(l, currencyOverride)).toList(), syncId, observedAt);
    }

    static OrderLine line(JsonNode line, String currencyOverride) {
        int quantity = line.path("quantity").asInt(-1);
        if (quantity < 0) {
            throw new IllegalArgumentException("a line item without quantity");
        }
        Money unitPrice = ShopifyMoney.shop(line.path("originalUnitPriceSet"), currencyOverride);
        Money original = ShopifyMoney.shop(line.path("originalTotalSet"), currencyOverride);
        if (unitPrice == null || original == null) {
            throw new IllegalArgumentException("a line item without originalUnitPriceSet / originalTotalSet");
        }
        BigDecimal discount = BigDecimal.ZERO;
        for (JsonNode allocation : line.path("discountAllocations")) {
            discount = discount.add(ShopifyMoney.amount(allocation.path("allocatedAmountSet")));
        }
        BigDecimal tax = BigDecimal.ZERO;
        boolean hasTax = false;
        for (JsonNode taxLine : line.path("taxLines")) {
            tax = tax.add(ShopifyMoney.amount(taxLine.path("priceSet")));
            hasTax = true;
        }
        String currency = original.currency();
        int unfulfilled = line.path("unfulfilledQuantity").asInt(quantity);
        return new OrderLine(text(line, "id"), line.path("sku").asText(null),
                line.path("variant").path("id").asText(null), line.path("title").asText(null), quantity,
                Math.max(0, quantity - unfulfilled), unitPrice,
                Money.of(original.decimal().subtract(discount), currency),
                hasTax ? Money.of(tax, currency) : null, null,
                discount.signum() == 0 ? null : Money.of(discount, currency));
    }

    /**
     * cancelledAt set, VOIDED, or REFUNDED/RESTOCKED before anything shipped → cancelled; FULFILLED → shipped;
     * PARTIALLY_FULFILLED → partially_shipped; REQUEST_DECLINED → unfulfillable; otherwise (unfulfilled, open, in
     * progress, on hold, scheduled) by payment: PENDING / PARTIALLY_PAID / EXPIRED → pending, else unshipped.
     */
    public static OrderStatus status(String financial, String fulfillment, boolean cancelled) {
        if (cancelled || "VOIDED".equals(financial) || "RESTOCKED".equals(fulfillment)) {
            return OrderStatus.CANCELLED;
        }
        if (fulfillment == null) {
            return OrderStatus.UNKNOWN;
        }
        return switch (fulfillment) {
            case "FULFILLED" -> OrderStatus.SHIPPED;
            case "PARTIALLY_FULFILLED" -> OrderStatus.PARTIALLY_SHIPPED;
            case "REQUEST_DECLINED" -> OrderStatus.UNFULFILLABLE;
            case "UNFULFILLED", "OPEN", "IN_PROGRESS", "ON_HOLD", "SCHEDULED", "PENDING_FULFILLMENT" -> {
                if ("REFUNDED".equals(financial)) {
                    yield OrderStatus.CANCELLED;
                }
                yield financial == null || "PENDING".equals(financial) || "PARTIALLY_PAID".equals(financial)
                        || "EXPIRED".equals(financial) ? OrderStatus.PENDING : OrderStatus.UNSHIPPED;
            }
            default -> OrderStatus.UNKNOWN;
        };
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value.asText();
    }
}

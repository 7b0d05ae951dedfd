package io.nexusconnect.amazon.mapping;

import io.nexusconnect.amazon.client.model.AmazonMoney;
import io.nexusconnect.amazon.client.model.AmazonOrder;
import io.nexusconnect.amazon.client.model.AmazonOrderItem;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Orders v0 {@code Order} + its {@code OrderItem}s to a normalized {@link Order}. */
public final class OrderMapper {
    private OrderMapper() {
    }

    /**
     * @param currencyOverride the connection's currency setting, or null
     * @throws IllegalArgumentException when a required field is missing or a date/amount cannot be read; the caller
     *                                  reports the page as a malformed answer
     */
    public static Order toOrder(AmazonOrder order, List<AmazonOrderItem> items, UUID connectionId, String tenantId,
                                String currencyOverride, UUID syncId, Instant observedAt) {
        require(order.amazonOrderId(), "AmazonOrderId");
        require(order.orderStatus(), "OrderStatus");
        String marketplaceId = order.marketplaceId();
        List<String> keys = LineKeys.of(items.stream().map(AmazonOrderItem::sellerSku).toList(),
                items.stream().map(AmazonOrderItem::asin).toList());
        List<OrderLine> lines = new java.util.ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            lines.add(line(keys.get(i), items.get(i), currencyOverride, marketplaceId));
        }
        return new Order(connectionId, tenantId, Marketplace.AMAZON, order.amazonOrderId(),
                order.sellerOrderId() != null ? order.sellerOrderId() : order.amazonOrderId(),
                AmazonOrderStatus.normalize(order.orderStatus()), order.orderStatus(),
                instant(require(order.purchaseDate(), "PurchaseDate")),
                instant(require(order.lastUpdateDate(), "LastUpdateDate")),
                money(order.orderTotal(), currencyOverride, marketplaceId), marketplaceId, order.fulfillmentChannel(),
                lines, syncId, observedAt);
    }

    /** One line; {@code lineId} is the key {@link LineKeys} gave it (not the OrderItemId, which reports lack). */
    static OrderLine line(String lineId, AmazonOrderItem item, String currencyOverride, String marketplaceId) {
        require(item.orderItemId(), "OrderItemId");
        if (item.quantityOrdered() == null) {
            throw new IllegalArgumentException("order item " + item.orderItemId() + " has no QuantityOrdered");
        }
        int quantity = item.quantityOrdered();
        Money lineTotal = money(item.itemPrice(), currencyOverride, marketplaceId);
        return new OrderLine(lineId, item.sellerSku(), item.asin(), item.title(), quantity,
                item.quantityShipped() == null ? 0 : item.quantityShipped(), MoneyMapping.unitPrice(lineTotal, quantity),
                lineTotal, money(item.itemTax(), currencyOverride, marketplaceId),
                money(item.shippingPrice(), currencyOverride, marketplaceId),
                money(item.promotionDiscount(), currencyOverride, marketplaceId));
    }

    private static Money money(AmazonMoney money, String override, String marketplaceId) {
        return money == null ? null : MoneyMapping.money(money.amount(), money.currencyCode(), override, marketplaceId);
    }

    static Instant instant(String value) {
        return OffsetDateTime.parse(value).toInstant();
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an order has no " + field);
        }
        return value;
    }
}

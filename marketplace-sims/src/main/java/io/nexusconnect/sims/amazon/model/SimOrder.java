package io.nexusconnect.sims.amazon.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One v0 {@code Order} as the simulator holds it. Times are whole seconds (the wire format has no fractions), and
 * totals are derived from the items so they always agree with what getOrderItems returns.
 */
public record SimOrder(String amazonOrderId, String marketplaceId, String currency, Instant purchaseDate,
                       Instant lastUpdateDate, OrderStatus status, FulfillmentChannel fulfillmentChannel,
                       boolean prime, boolean businessOrder, String shipServiceLevel, ShipTo shipTo,
                       List<SimOrderItem> items) {

    public SimOrder {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one item: " + amazonOrderId);
        }
        if (lastUpdateDate.isBefore(purchaseDate)) {
            throw new IllegalArgumentException("LastUpdateDate before PurchaseDate: " + amazonOrderId);
        }
    }

    /** Item prices plus taxes and shipping, minus promotions: what the buyer paid. */
    public BigDecimal orderTotal() {
        return items.stream()
                .map(i -> i.itemPrice().add(i.itemTax()).add(i.shippingPrice()).subtract(i.promotionDiscount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int numberOfItemsShipped() {
        return items.stream().mapToInt(SimOrderItem::quantityShipped).sum();
    }

    /** Canceled and not-yet-paid orders report 0 unshipped, as the model's examples do. */
    public int numberOfItemsUnshipped() {
        if (status == OrderStatus.CANCELED || status.paymentPending()) {
            return 0;
        }
        return items.stream().mapToInt(SimOrderItem::quantityUnshipped).sum();
    }

    public Instant earliestShipDate() {
        return purchaseDate.plus(Duration.ofHours(2));
    }

    public Instant latestShipDate() {
        return purchaseDate.plus(Duration.ofDays(fulfillmentChannel == FulfillmentChannel.AFN ? 1 : 3));
    }

    public SimOrder with(OrderStatus newStatus, List<SimOrderItem> newItems, Instant updatedAt) {
        return new SimOrder(amazonOrderId, marketplaceId, currency, purchaseDate, updatedAt, newStatus,
                fulfillmentChannel, prime, businessOrder, shipServiceLevel, shipTo, newItems);
    }
}

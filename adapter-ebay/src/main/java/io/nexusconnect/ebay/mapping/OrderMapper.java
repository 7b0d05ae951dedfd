package io.nexusconnect.ebay.mapping;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.ebay.client.model.EbayAmount;
import io.nexusconnect.ebay.client.model.EbayOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * A Fulfillment API order to a normalized {@link Order}, with every line. Money follows the spec's field definitions:
 * the line total is {@code lineItemCost} (unit price × quantity, before discounts, as Amazon's ItemPrice), the unit
 * price is that divided by the quantity, tax is the line's taxes plus eBay's collect-and-remit taxes, shipping its
 * {@code deliveryCost.shippingCost}, the discount the sum of its applied promotions; the order total is
 * {@code pricingSummary.total} as read with TAX_BREAKDOWN (what the buyer paid, tax included).
 */
public final class OrderMapper {
    private OrderMapper() {
    }

    /**
     * @param currencyOverride the connection's currency setting, or null
     * @throws IllegalArgumentException when a required field is missing or a date/amount cannot be read; the caller
     *                                  reports the page as a malformed answer
     */
    public static Order toOrder(EbayOrder order, String marketplaceId, UUID connectionId, String tenantId,
                                String currencyOverride, UUID syncId, Instant observedAt) {
        require(order.orderId(), "orderId");
        if (order.lineItems() == null || order.lineItems().isEmpty()) {
            throw new IllegalArgumentException("order " + order.orderId() + " has no lineItems");
        }
        String cancelState = order.cancelStatus() == null ? null : order.cancelStatus().cancelState();
        List<OrderLine> lines = order.lineItems().stream().map(l -> line(l, currencyOverride)).toList();
        EbayAmount total = order.pricingSummary() == null ? null : order.pricingSummary().total();
        return new Order(connectionId, tenantId, Marketplace.EBAY, order.orderId(),
                order.salesRecordReference() != null ? order.salesRecordReference() : order.orderId(),
                EbayOrderStatus.normalize(order.orderFulfillmentStatus(), order.orderPaymentStatus(), cancelState),
                EbayOrderStatus.marketplaceStatus(order.orderFulfillmentStatus(), order.orderPaymentStatus(),
                        cancelState),
                Instant.parse(require(order.creationDate(), "creationDate")),
                Instant.parse(require(order.lastModifiedDate(), "lastModifiedDate")),
                money(total, currencyOverride), marketplaceId, null, lines, syncId, observedAt);
    }

    static OrderLine line(EbayOrder.LineItem line, String currencyOverride) {
        require(line.lineItemId(), "lineItemId");
        if (line.quantity() == null || line.quantity() < 1) {
            throw new IllegalArgumentException("line " + line.lineItemId() + " has no quantity");
        }
        if (line.lineItemCost() == null) {
            throw new IllegalArgumentException("line " + line.lineItemId() + " has no lineItemCost");
        }
        int quantity = line.quantity();
        Money lineTotal = money(line.lineItemCost(), currencyOverride);
        BigDecimal cost = lineTotal.decimal();
        Money unitPrice = Money.of(cost.divide(BigDecimal.valueOf(quantity), Math.max(cost.scale(), 2),
                RoundingMode.HALF_EVEN), lineTotal.currency());
        String currency = lineTotal.currency();
        Money tax = sum(concat(line.taxes(), line.ebayCollectAndRemitTaxes()), EbayOrder.Tax::amount, currency);
        Money discount = sum(line.appliedPromotions(), EbayOrder.Promotion::discountAmount, currency);
        Money shipping = line.deliveryCost() == null ? null : money(line.deliveryCost().shippingCost(), currencyOverride);
        int shipped = "FULFILLED".equals(line.lineItemFulfillmentStatus()) ? quantity : 0;
        return new OrderLine(line.lineItemId(), line.sku(), line.legacyItemId(), line.title(), quantity, shipped,
                unitPrice, lineTotal, tax, shipping, discount);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a == null ? java.util.stream.Stream.empty() : a.stream(),
                b == null ? java.util.stream.Stream.empty() : b.stream()).toList();
    }

    /** The sum of the amounts (sign ignored: eBay writes some discounts negative), or null when there are none. */
    private static <T> Money sum(List<T> items, Function<T, EbayAmount> amount, String currency) {
        List<EbayAmount> amounts = items == null ? List.of()
                : items.stream().map(amount).filter(Objects::nonNull).filter(a -> a.value() != null).toList();
        if (amounts.isEmpty()) {
            return null;
        }
        BigDecimal total = amounts.stream().map(a -> new BigDecimal(a.value().trim()).abs())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Money.of(total, currency);
    }

    static Money money(EbayAmount amount, String currencyOverride) {
        if (amount == null || amount.value() == null || amount.value().isBlank()) {
            return null;
        }
        String currency = currencyOverride != null ? currencyOverride : amount.currency();
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("an amount without currency: " + amount.value());
        }
        return Money.of(new BigDecimal(amount.value().trim()), currency);
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an order has no " + field);
        }
        return value;
    }
}

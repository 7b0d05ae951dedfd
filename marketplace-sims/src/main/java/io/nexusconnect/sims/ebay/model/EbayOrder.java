package io.nexusconnect.sims.ebay.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One eBay order as the Fulfillment API knows it.
 *
 * @param orderFulfillmentStatus NOT_STARTED | IN_PROGRESS | FULFILLED
 * @param orderPaymentStatus     PAID | PENDING | FAILED | FULLY_REFUNDED | PARTIALLY_REFUNDED
 * @param cancelState            NONE_REQUESTED | IN_PROGRESS | CANCELED
 */
public record EbayOrder(String orderId, String sellerId, String buyerUsername, String currency, Instant creationDate,
                        Instant lastModifiedDate, String orderFulfillmentStatus, String orderPaymentStatus,
                        String cancelState, List<EbayLineItem> lineItems) {

    public EbayOrder {
        lineItems = List.copyOf(lineItems);
        if (lineItems.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line item");
        }
    }

    public BigDecimal sum(Function<EbayLineItem, BigDecimal> amount) {
        return lineItems.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The same order, modified at {@code now}. */
    public EbayOrder modified(Instant now, String fulfillment, String payment, String cancel) {
        String lineStatus = "FULFILLED".equals(fulfillment) ? "FULFILLED" : "NOT_STARTED";
        return new EbayOrder(orderId, sellerId, buyerUsername, currency, creationDate, now, fulfillment, payment, cancel,
                lineItems.stream().map(l -> l.withFulfillmentStatus(lineStatus)).toList());
    }
}

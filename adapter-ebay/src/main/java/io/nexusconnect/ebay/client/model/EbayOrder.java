package io.nexusconnect.ebay.client.model;

import java.util.List;

/** A Fulfillment API {@code Order}: the fields the adapter reads (sell_fulfillment_v1_oas3.json). */
public record EbayOrder(String orderId, String creationDate, String lastModifiedDate, String orderFulfillmentStatus,
                        String orderPaymentStatus, CancelStatus cancelStatus, String salesRecordReference,
                        PricingSummary pricingSummary, List<LineItem> lineItems) {

    public record CancelStatus(String cancelState) {
    }

    public record PricingSummary(EbayAmount priceSubtotal, EbayAmount deliveryCost, EbayAmount priceDiscount,
                                 EbayAmount tax, EbayAmount total) {
    }

    /**
     * A line. {@code lineItemCost} = unit price × quantity before discounts; {@code total} = after delivery, taxes
     * (collect-and-remit tax only with TAX_BREAKDOWN) and discounts.
     */
    public record LineItem(String lineItemId, String legacyItemId, String sku, String title, Integer quantity,
                           EbayAmount lineItemCost, EbayAmount discountedLineItemCost, EbayAmount total,
                           DeliveryCost deliveryCost, List<Promotion> appliedPromotions, List<Tax> taxes,
                           List<Tax> ebayCollectAndRemitTaxes, String lineItemFulfillmentStatus) {
    }

    public record DeliveryCost(EbayAmount shippingCost) {
    }

    public record Promotion(EbayAmount discountAmount) {
    }

    public record Tax(EbayAmount amount) {
    }
}

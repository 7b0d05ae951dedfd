package io.nexusconnect.sims.ebay.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.ebay.model.EbayLineItem;
import io.nexusconnect.sims.ebay.model.EbayOrder;

import java.math.BigDecimal;

import static io.nexusconnect.sims.ebay.api.EbayJson.amount;
import static io.nexusconnect.sims.ebay.api.EbayJson.time;

/**
 * An order in the Fulfillment API's {@code Order} shape (sell_fulfillment_v1_oas3.json). Only fields an integration
 * reads are filled; money follows the field definitions (lineItemCost = unit price × quantity; total = after delivery,
 * discounts and, with TAX_BREAKDOWN only, eBay's collect-and-remit tax).
 */
final class OrderJson {
    private OrderJson() {
    }

    static ObjectNode order(EbayOrder order, boolean taxBreakdown) {
        String currency = order.currency();
        ObjectNode json = Json.object().put("orderId", order.orderId())
                .put("creationDate", time(order.creationDate()))
                .put("lastModifiedDate", time(order.lastModifiedDate()))
                .put("orderFulfillmentStatus", order.orderFulfillmentStatus())
                .put("orderPaymentStatus", order.orderPaymentStatus())
                .put("sellerId", order.sellerId());
        json.putObject("buyer").put("username", order.buyerUsername());
        ObjectNode pricing = json.putObject("pricingSummary");
        pricing.set("priceSubtotal", amount(order.sum(EbayLineItem::lineItemCost), currency));
        pricing.set("deliveryCost", amount(order.sum(EbayLineItem::deliveryCost), currency));
        BigDecimal discount = order.sum(EbayLineItem::discount);
        if (discount.signum() > 0) {
            pricing.set("priceDiscount", amount(discount.negate(), currency));
        }
        BigDecimal tax = order.sum(EbayLineItem::tax);
        if (taxBreakdown && tax.signum() > 0) {
            pricing.set("tax", amount(tax, currency));
        }
        pricing.set("total", amount(order.sum(l -> l.total(taxBreakdown)), currency));
        ObjectNode cancel = json.putObject("cancelStatus").put("cancelState", order.cancelState());
        cancel.putArray("cancelRequests");
        if (tax.signum() > 0) {
            json.put("ebayCollectAndRemitTax", true);
        }
        json.putArray("fulfillmentHrefs");
        ArrayNode lines = json.putArray("lineItems");
        order.lineItems().forEach(line -> lines.add(line(line, currency, taxBreakdown)));
        return json;
    }

    private static ObjectNode line(EbayLineItem line, String currency, boolean taxBreakdown) {
        ObjectNode json = Json.object().put("lineItemId", line.lineItemId()).put("legacyItemId", line.legacyItemId())
                .put("sku", line.sku()).put("title", line.title()).put("quantity", line.quantity())
                .put("soldFormat", "FIXED_PRICE").put("listingMarketplaceId", "EBAY_US")
                .put("purchaseMarketplaceId", "EBAY_US").put("lineItemFulfillmentStatus", line.fulfillmentStatus());
        json.set("lineItemCost", amount(line.lineItemCost(), currency));
        ArrayNode promotions = json.putArray("appliedPromotions");
        if (line.discount().signum() > 0) {
            promotions.addObject().put("description", "10% off").put("promotionId", "PROMO-" + line.lineItemId())
                    .set("discountAmount", amount(line.discount(), currency));
            json.set("discountedLineItemCost", amount(line.lineItemCost().subtract(line.discount()), currency));
        }
        json.putObject("deliveryCost").set("shippingCost", amount(line.deliveryCost(), currency));
        json.putArray("taxes");
        if (line.tax().signum() > 0) {
            json.putArray("ebayCollectAndRemitTaxes").addObject().put("taxType", "STATE_SALES_TAX")
                    .put("collectionMethod", "NET").set("amount", amount(line.tax(), currency));
        }
        json.putArray("refunds");
        json.set("total", amount(line.total(taxBreakdown), currency));
        return json;
    }
}

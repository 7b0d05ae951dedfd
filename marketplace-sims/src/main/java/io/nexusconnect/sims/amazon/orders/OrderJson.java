package io.nexusconnect.sims.amazon.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.amazon.model.FulfillmentChannel;
import io.nexusconnect.sims.amazon.model.Marketplace;
import io.nexusconnect.sims.amazon.model.OrderStatus;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.amazon.model.SimOrderItem;
import io.nexusconnect.sims.common.http.Json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/** v0 {@code Order} and {@code OrderItem} JSON, field names and shapes as in ordersV0.json and its examples. */
final class OrderJson {
    /** The model: ShippingAddress "is only available for orders with the following status values: Unshipped, …". */
    private static final Set<OrderStatus> ADDRESS_VISIBLE = Set.of(OrderStatus.UNSHIPPED, OrderStatus.PARTIALLY_SHIPPED,
            OrderStatus.SHIPPED, OrderStatus.INVOICE_UNCONFIRMED);

    private OrderJson() {
    }

    static ObjectNode order(SimOrder order) {
        ObjectNode json = Json.object();
        json.put("AmazonOrderId", order.amazonOrderId())
                .put("SellerOrderId", order.amazonOrderId())
                .put("PurchaseDate", Json.time(order.purchaseDate()))
                .put("LastUpdateDate", Json.time(order.lastUpdateDate()))
                .put("OrderStatus", order.status().wire())
                .put("FulfillmentChannel", order.fulfillmentChannel().name())
                .put("SalesChannel", Marketplace.require(order.marketplaceId()).salesChannel())
                .put("ShipServiceLevel", order.shipServiceLevel());
        // the model's Pending example carries no OrderTotal: Amazon only totals an order once payment is authorized
        if (!order.status().paymentPending()) {
            json.set("OrderTotal", money(order.currency(), order.orderTotal()));
        }
        json.put("NumberOfItemsShipped", order.numberOfItemsShipped())
                .put("NumberOfItemsUnshipped", order.numberOfItemsUnshipped())
                .put("PaymentMethod", "Other");
        json.putArray("PaymentMethodDetails").add("Standard");
        json.put("IsReplacementOrder", false)
                .put("MarketplaceId", order.marketplaceId())
                .put("ShipmentServiceLevelCategory", order.shipServiceLevel().equals("Expedited") ? "Expedited" : "Standard")
                .put("OrderType", order.status() == OrderStatus.PENDING_AVAILABILITY ? "Preorder" : "StandardOrder")
                .put("EarliestShipDate", Json.time(order.earliestShipDate()))
                .put("LatestShipDate", Json.time(order.latestShipDate()))
                .put("IsBusinessOrder", order.businessOrder())
                .put("IsPrime", order.prime() && order.fulfillmentChannel() == FulfillmentChannel.MFN)
                .put("IsPremiumOrder", false)
                .put("IsGlobalExpressEnabled", false)
                .put("IsSoldByAB", false)
                .put("IsIBA", false)
                .put("IsISPU", false)
                .put("IsAccessPointOrder", false)
                .put("HasRegulatedItems", false)
                .put("ElectronicInvoiceStatus", "NotRequired");
        if (ADDRESS_VISIBLE.contains(order.status())) {
            json.putObject("ShippingAddress")
                    .put("City", order.shipTo().city())
                    .put("StateOrRegion", order.shipTo().stateOrRegion())
                    .put("PostalCode", order.shipTo().postalCode())
                    .put("CountryCode", order.shipTo().countryCode());
        }
        json.putObject("AutomatedShippingSettings").put("HasAutomatedShippingSettings", false);
        return json;
    }

    static ObjectNode item(SimOrder order, SimOrderItem item) {
        ObjectNode json = Json.object();
        json.put("ASIN", item.asin())
                .put("OrderItemId", item.orderItemId())
                .put("SellerSKU", item.sellerSku())
                .put("Title", item.title())
                .put("QuantityOrdered", item.quantityOrdered())
                .put("QuantityShipped", item.quantityShipped());
        json.putObject("ProductInfo").put("NumberOfItems", "1");
        // the model: while an order is Pending, getOrderItems returns no pricing, taxes, shipping, gift or promotions
        if (!order.status().paymentPending()) {
            String currency = order.currency();
            json.set("ItemPrice", money(currency, item.itemPrice()));
            json.set("ItemTax", money(currency, item.itemTax()));
            json.set("ShippingPrice", money(currency, item.shippingPrice()));
            json.set("ShippingTax", money(currency, BigDecimal.ZERO));
            json.set("ShippingDiscount", money(currency, BigDecimal.ZERO));
            json.set("PromotionDiscount", money(currency, item.promotionDiscount()));
            json.set("PromotionDiscountTax", money(currency, BigDecimal.ZERO));
            json.put("IsGift", "false");
        }
        json.put("ConditionId", "New").put("ConditionSubtypeId", "New")
                .put("IsTransparency", false).put("SerialNumberRequired", false);
        return json;
    }

    /** v0 {@code Money}: CurrencyCode and Amount as a string with two decimals. */
    static ObjectNode money(String currency, BigDecimal amount) {
        return Json.object().put("CurrencyCode", currency)
                .put("Amount", amount.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }
}

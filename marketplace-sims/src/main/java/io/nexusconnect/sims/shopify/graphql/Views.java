package io.nexusconnect.sims.shopify.graphql;

import io.nexusconnect.sims.shopify.model.Gid;
import io.nexusconnect.sims.shopify.model.ShopStore;
import io.nexusconnect.sims.shopify.model.SimLineItem;
import io.nexusconnect.sims.shopify.model.SimLocation;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.model.SimProduct;
import io.nexusconnect.sims.shopify.model.SimShop;
import io.nexusconnect.sims.shopify.model.SimVariant;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL view of the domain objects: maps keyed by field name (read by graphql-java's property fetcher), with
 * {@code __typename} for the Node interface and the domain object under {@code _source} for fields with arguments.
 */
final class Views {
    static final String SOURCE = "_source";
    static final String TYPENAME = "__typename";

    private Views() {
    }

    static Map<String, Object> shop(SimShop shop) {
        Map<String, Object> m = base("Shop", shop.id(), shop);
        m.put("name", shop.name());
        m.put("myshopifyDomain", shop.myshopifyDomain());
        m.put("currencyCode", shop.currencyCode());
        m.put("ianaTimezone", shop.ianaTimezone());
        m.put("plan", Map.of("displayName", shop.planName(), "partnerDevelopment", false,
                "shopifyPlus", shop.shopifyPlus()));
        return m;
    }

    static Map<String, Object> location(SimLocation location) {
        Map<String, Object> m = base("Location", location.id(), location);
        m.put("name", location.name());
        m.put("isActive", location.isActive());
        m.put("fulfillsOnlineOrders", location.fulfillsOnlineOrders());
        return m;
    }

    static Map<String, Object> order(SimOrder o) {
        Map<String, Object> m = base("Order", o.id(), o);
        String c = o.currencyCode();
        m.put("name", o.name());
        m.put("createdAt", o.createdAt());
        m.put("updatedAt", o.updatedAt());
        m.put("processedAt", o.createdAt());
        m.put("cancelledAt", o.cancelledAt());
        m.put("closed", false);
        m.put("displayFinancialStatus", o.financialStatus());
        m.put("displayFulfillmentStatus", o.fulfillmentStatus());
        m.put("currencyCode", c);
        m.put("presentmentCurrencyCode", c);
        m.put("subtotalPriceSet", bag(o.subtotal(), c));
        m.put("totalDiscountsSet", bag(o.discounts(), c));
        m.put("totalShippingPriceSet", bag(o.shipping(), c));
        m.put("totalTaxSet", bag(o.tax(), c));
        m.put("totalPriceSet", bag(o.total(), c));
        return m;
    }

    static Map<String, Object> lineItem(SimLineItem l, String currency, ShopStore store) {
        Map<String, Object> m = base("LineItem", l.id(), l);
        m.put("name", l.title());
        m.put("title", l.title());
        m.put("sku", l.sku());
        m.put("quantity", l.quantity());
        m.put("currentQuantity", l.quantity());
        m.put("unfulfilledQuantity", l.quantity() - l.fulfilled());
        m.put("originalUnitPriceSet", bag(l.originalUnitPrice(), currency));
        m.put("originalTotalSet", bag(l.originalTotal(), currency));
        m.put("discountedTotalSet", bag(l.discountedTotal(), currency));
        m.put("discountedUnitPriceAfterAllDiscountsSet", bag(l.discountedUnitPrice(), currency));
        m.put("totalDiscountSet", bag(l.discount(), currency));
        m.put("discountAllocations", l.discount().signum() == 0 ? List.of()
                : List.of(Map.of("allocatedAmountSet", bag(l.discount(), currency))));
        m.put("taxLines", List.of(Map.of("priceSet", bag(l.tax(), currency), "rate", l.taxRate().doubleValue(),
                "title", "Sales tax")));
        m.put("variant", store.variant(l.variantNumber()).map(v -> variant(v, store)).orElse(null));
        return m;
    }

    static Map<String, Object> product(SimProduct p) {
        Map<String, Object> m = base("Product", p.id(), p);
        m.put("title", p.title());
        m.put("handle", p.handle());
        m.put("status", p.status());
        m.put("productType", p.productType());
        m.put("vendor", p.vendor());
        m.put("createdAt", p.createdAt());
        m.put("updatedAt", p.updatedAt());
        m.put("publishedAt", p.publishedAt());
        m.put("totalInventory", p.totalInventory());
        return m;
    }

    static Map<String, Object> variant(SimVariant v, ShopStore store) {
        Map<String, Object> m = base("ProductVariant", v.id(), v);
        m.put("title", v.title());
        m.put("sku", v.sku());
        m.put("price", v.price());
        m.put("inventoryQuantity", v.inventoryQuantity());
        m.put("inventoryItem", inventoryItem(v));
        m.put("product", store.product(v.productNumber()).map(Views::product).orElse(null));
        return m;
    }

    static Map<String, Object> inventoryItem(SimVariant v) {
        Map<String, Object> m = base("InventoryItem", v.inventoryItemId(), v);
        m.put("sku", v.sku());
        m.put("tracked", true);
        return m;
    }

    static Map<String, Object> inventoryLevel(SimVariant v, SimLocation location) {
        Map<String, Object> m = base("InventoryLevel",
                "gid://shopify/InventoryLevel/" + v.inventoryItemNumber() + "?inventory_item_id="
                        + v.inventoryItemNumber() + "&location_id=" + location.number(), new Object[]{v, location});
        m.put("location", location(location));
        return m;
    }

    static Map<String, Object> money(BigDecimal amount, String currency) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("amount", amount);
        m.put("currencyCode", currency);
        return m;
    }

    static Map<String, Object> bag(BigDecimal amount, String currency) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shopMoney", money(amount, currency));
        m.put("presentmentMoney", money(amount, currency));
        return m;
    }

    private static Map<String, Object> base(String type, String id, Object source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(TYPENAME, type);
        m.put("id", id);
        m.put(SOURCE, source);
        return m;
    }

    static boolean isType(String gid, String type) {
        return type.equals(Gid.type(gid));
    }
}

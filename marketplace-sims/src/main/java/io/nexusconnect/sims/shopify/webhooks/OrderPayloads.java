package io.nexusconnect.sims.shopify.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.shopify.model.ShopStore;
import io.nexusconnect.sims.shopify.model.SimLineItem;
import io.nexusconnect.sims.shopify.model.SimOrder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The body of {@code orders/create} and {@code orders/updated}: the REST Order resource
 * (https://shopify.dev/docs/api/webhooks?reference=toml#list-of-topics-orders/create), derived from the same
 * {@link SimOrder} the GraphQL API shows, so both paths describe one order. Amounts are decimal strings with
 * {@code *_set} bags ({@code shop_money} / {@code presentment_money}); timestamps are in the shop's time zone with
 * its offset; {@code fulfillment_status} is null (unfulfilled), {@code partial}, {@code fulfilled} or
 * {@code restocked}; {@code financial_status} the lower-case display status.
 */
public final class OrderPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private OrderPayloads() {
    }

    public static byte[] order(SimOrder order, ShopStore store) {
        ZoneId zone = ZoneId.of(store.shop().ianaTimezone());
        String currency = order.currencyCode();
        ObjectNode o = JSON.createObjectNode();
        o.put("id", order.number());
        o.put("admin_graphql_api_id", order.id());
        o.put("name", order.name());
        o.put("order_number", Long.parseLong(order.name().replaceAll("\\D", "")));
        o.put("created_at", time(order.createdAt(), zone));
        o.put("updated_at", time(order.updatedAt(), zone));
        o.put("processed_at", time(order.createdAt(), zone));
        o.put("cancelled_at", order.cancelledAt() == null ? null : time(order.cancelledAt(), zone));
        o.put("cancel_reason", order.cancelledAt() == null ? null : "customer");
        o.putNull("closed_at");
        o.put("confirmed", true);
        o.put("test", false);
        o.put("currency", currency);
        o.put("presentment_currency", currency);
        o.put("financial_status", order.financialStatus() == null ? null
                : order.financialStatus().toLowerCase(Locale.ROOT));
        o.put("fulfillment_status", fulfillmentStatus(order.fulfillmentStatus()));
        money(o, "subtotal_price", order.subtotal(), currency);
        money(o, "total_discounts", order.discounts(), currency);
        money(o, "total_tax", order.tax(), currency);
        money(o, "total_price", order.total(), currency);
        o.set("total_shipping_price_set", bag(order.shipping(), currency));
        o.put("taxes_included", false);
        ArrayNode lines = o.putArray("line_items");
        for (SimLineItem line : order.lines()) {
            lines.add(line(line, currency, store));
        }
        try {
            return JSON.writeValueAsString(o).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode line(SimLineItem line, String currency, ShopStore store) {
        ObjectNode l = JSON.createObjectNode();
        l.put("id", line.number());
        l.put("admin_graphql_api_id", line.id());
        l.put("variant_id", line.variantNumber());
        store.variant(line.variantNumber()).ifPresent(v -> l.put("product_id", v.productNumber()));
        l.put("sku", line.sku());
        l.put("title", line.title());
        l.put("name", line.title());
        l.put("quantity", line.quantity());
        l.put("current_quantity", line.quantity());
        l.put("fulfillable_quantity", line.quantity() - line.fulfilled());
        l.put("fulfillment_status", line.fulfilled() == 0 ? null
                : line.fulfilled() == line.quantity() ? "fulfilled" : "partial");
        money(l, "price", line.originalUnitPrice(), currency);
        money(l, "total_discount", line.discount(), currency);
        ArrayNode allocations = l.putArray("discount_allocations");
        if (line.discount().signum() != 0) {
            ObjectNode allocation = allocations.addObject();
            money(allocation, "amount", line.discount(), currency);
            allocation.put("discount_application_index", 0);
        }
        ArrayNode taxes = l.putArray("tax_lines");
        ObjectNode tax = taxes.addObject();
        money(tax, "price", line.tax(), currency);
        tax.put("rate", line.taxRate().doubleValue());
        tax.put("title", "Sales tax");
        l.put("taxable", true);
        l.put("requires_shipping", true);
        l.put("gift_card", false);
        l.put("vendor", "Nexus Demo");
        return l;
    }

    /** The app/uninstalled body: the Shop resource, trimmed to what identifies the shop. */
    public static byte[] shop(ShopStore store) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", store.shop().number());
        s.put("name", store.shop().name());
        s.put("domain", store.shop().myshopifyDomain());
        s.put("myshopify_domain", store.shop().myshopifyDomain());
        s.put("currency", store.shop().currencyCode());
        s.put("iana_timezone", store.shop().ianaTimezone());
        s.put("plan_name", store.shop().planName().toLowerCase(Locale.ROOT));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String fulfillmentStatus(String display) {
        if (display == null) {
            return null;
        }
        return switch (display) {
            case "FULFILLED" -> "fulfilled";
            case "PARTIALLY_FULFILLED" -> "partial";
            case "RESTOCKED" -> "restocked";
            default -> null;
        };
    }

    private static void money(ObjectNode target, String field, BigDecimal amount, String currency) {
        target.put(field, amount.toPlainString());
        target.set(field + "_set", bag(amount, currency));
    }

    private static ObjectNode bag(BigDecimal amount, String currency) {
        ObjectNode bag = JSON.createObjectNode();
        for (String side : new String[]{"shop_money", "presentment_money"}) {
            ObjectNode money = bag.putObject(side);
            money.put("amount", amount.toPlainString());
            money.put("currency_code", currency);
        }
        return bag;
    }

    private static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone).toOffsetDateTime());
    }

}

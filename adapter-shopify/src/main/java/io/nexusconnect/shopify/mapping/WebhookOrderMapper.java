package io.nexusconnect.shopify.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.contracts.normalized.Order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The REST Order resource of {@code orders/create} / {@code orders/updated} payloads as the normalized {@link Order},
 * through the same {@link OrderMapper} the cycles use: the payload is rewritten into the GraphQL shape first, so both
 * paths price, date and classify an order by one set of rules. Correspondences (REST reference
 * https://shopify.dev/docs/api/admin-rest/latest/resources/order, GraphQL Order / LineItem):
 * {@code admin_graphql_api_id} → {@code id} (so external ids and line ids are the same gids);
 * {@code financial_status} upper-cased → {@code displayFinancialStatus}; {@code fulfillment_status} null /
 * {@code partial} / {@code fulfilled} / {@code restocked} → UNFULFILLED / PARTIALLY_FULFILLED / FULFILLED / RESTOCKED;
 * {@code price_set} → {@code originalUnitPriceSet}, price × quantity → {@code originalTotalSet};
 * {@code discount_allocations[].amount_set} → {@code allocatedAmountSet}; {@code tax_lines[].price_set} →
 * {@code priceSet}; {@code fulfillable_quantity} → {@code unfulfilledQuantity}; {@code variant_id} →
 * {@code gid://shopify/ProductVariant/…}; timestamps with offsets → instants.
 */
public final class WebhookOrderMapper {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WebhookOrderMapper() {
    }

    public static Order toOrder(JsonNode payload, UUID connectionId, String tenantId, String shopDomain,
                                String currencyOverride, Instant observedAt) {
        ObjectNode order = NODES.objectNode();
        order.put("id", gid(payload, "Order"));
        order.put("name", payload.path("name").asText(null));
        order.put("createdAt", instant(payload, "created_at"));
        order.put("processedAt", instant(payload, "processed_at"));
        order.put("updatedAt", instant(payload, "updated_at"));
        order.put("cancelledAt", instant(payload, "cancelled_at"));
        String financial = payload.path("financial_status").asText(null);
        order.put("displayFinancialStatus", financial == null ? null : financial.toUpperCase(Locale.ROOT));
        order.put("displayFulfillmentStatus", fulfillment(payload.path("fulfillment_status").asText(null)));
        order.set("totalPriceSet", bag(payload.path("total_price_set")));
        List<JsonNode> lines = new ArrayList<>();
        for (JsonNode line : payload.path("line_items")) {
            lines.add(line(line));
        }
        return OrderMapper.toOrder(order, lines, connectionId, tenantId, shopDomain, currencyOverride, null,
                observedAt);
    }

    private static JsonNode line(JsonNode rest) {
        ObjectNode line = NODES.objectNode();
        line.put("id", gid(rest, "LineItem"));
        line.put("title", rest.path("title").asText(null));
        line.put("sku", rest.path("sku").asText(null));
        int quantity = rest.path("quantity").asInt(-1);
        line.put("quantity", quantity);
        line.put("unfulfilledQuantity", rest.path("fulfillable_quantity").asInt(quantity));
        JsonNode unit = rest.path("price_set");
        line.set("originalUnitPriceSet", bag(unit));
        JsonNode unitMoney = unit.path("shop_money");
        if (unitMoney.path("amount").isTextual() && quantity >= 0) {
            BigDecimal total = new BigDecimal(unitMoney.path("amount").asText()).multiply(BigDecimal.valueOf(quantity));
            line.set("originalTotalSet", shopMoney(total.toPlainString(), unitMoney.path("currency_code").asText(null)));
        }
        ArrayNode allocations = line.putArray("discountAllocations");
        for (JsonNode allocation : rest.path("discount_allocations")) {
            allocations.addObject().set("allocatedAmountSet", bag(allocation.path("amount_set")));
        }
        ArrayNode taxes = line.putArray("taxLines");
        for (JsonNode tax : rest.path("tax_lines")) {
            taxes.addObject().set("priceSet", bag(tax.path("price_set")));
        }
        if (rest.path("variant_id").canConvertToLong()) {
            line.putObject("variant").put("id", "gid://shopify/ProductVariant/" + rest.path("variant_id").asLong());
        }
        return line;
    }

    /** The resource's gid: {@code admin_graphql_api_id}, else built from the numeric {@code id}. */
    private static String gid(JsonNode rest, String type) {
        String gid = rest.path("admin_graphql_api_id").asText(null);
        if (gid != null && !gid.isBlank()) {
            return gid;
        }
        return rest.path("id").canConvertToLong() ? "gid://shopify/" + type + "/" + rest.path("id").asLong() : null;
    }

    private static String fulfillment(String rest) {
        if (rest == null) {
            return "UNFULFILLED";
        }
        return switch (rest) {
            case "partial" -> "PARTIALLY_FULFILLED";
            case "fulfilled" -> "FULFILLED";
            case "restocked" -> "RESTOCKED";
            default -> rest.toUpperCase(Locale.ROOT);
        };
    }

    /** A REST money bag ({@code shop_money.amount} / {@code currency_code}) in the GraphQL shape. */
    private static JsonNode bag(JsonNode rest) {
        JsonNode money = rest.path("shop_money");
        if (!money.isObject()) {
            return NODES.nullNode();
        }
        return shopMoney(money.path("amount").asText(null), money.path("currency_code").asText(null));
    }

    private static ObjectNode shopMoney(String amount, String currency) {
        ObjectNode bag = NODES.objectNode();
        ObjectNode money = bag.putObject("shopMoney");
        money.put("amount", amount);
        money.put("currencyCode", currency);
        return bag;
    }

    private static String instant(JsonNode rest, String field) {
        String text = rest.path(field).asText(null);
        return text == null || text.isBlank() ? null : OffsetDateTime.parse(text).toInstant().toString();
    }
}

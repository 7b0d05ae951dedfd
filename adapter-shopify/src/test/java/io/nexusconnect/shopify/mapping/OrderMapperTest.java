package io.nexusconnect.shopify.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mapping of Order / LineItem answers shaped as the Admin API reference documents them (2026-10). */
class OrderMapperTest {
    private static final UUID CONNECTION = UUID.randomUUID();

    /** An order node as the orders query returns it: two lines, one of 3 units with a 5.00 discount allocation. */
    private static final String ORDER = """
            {"id":"gid://shopify/Order/148977776","name":"#1001","createdAt":"2026-11-01T10:00:00Z",
             "processedAt":"2026-11-01T09:59:30Z","updatedAt":"2026-11-02T08:00:00Z","cancelledAt":null,
             "displayFinancialStatus":"PAID","displayFulfillmentStatus":"PARTIALLY_FULFILLED","currencyCode":"USD",
             "totalPriceSet":{"shopMoney":{"amount":"56.87","currencyCode":"USD"}},
             "lineItems":{"pageInfo":{"hasNextPage":false,"endCursor":"eyJsYXN0X2lkIjo"},"nodes":[
              {"id":"gid://shopify/LineItem/866550311766439020","title":"Red Mug","sku":"MUG-RED","quantity":3,
               "unfulfilledQuantity":1,
               "originalUnitPriceSet":{"shopMoney":{"amount":"12.50","currencyCode":"USD"}},
               "originalTotalSet":{"shopMoney":{"amount":"37.50","currencyCode":"USD"}},
               "discountAllocations":[{"allocatedAmountSet":{"shopMoney":{"amount":"5.00","currencyCode":"USD"}}}],
               "taxLines":[{"priceSet":{"shopMoney":{"amount":"2.60","currencyCode":"USD"}}}],
               "variant":{"id":"gid://shopify/ProductVariant/49148385"}},
              {"id":"gid://shopify/LineItem/141249953","title":"Blue Tee","sku":"TEE-BLUE","quantity":1,
               "unfulfilledQuantity":1,
               "originalUnitPriceSet":{"shopMoney":{"amount":"19.99","currencyCode":"USD"}},
               "originalTotalSet":{"shopMoney":{"amount":"19.99","currencyCode":"USD"}},
               "discountAllocations":[],"taxLines":[],"variant":null}]}}
            """;

    private static Order map(String json) throws Exception {
        JsonNode order = Json.mapper().readTree(json);
        List<JsonNode> lines = new ArrayList<>();
        order.path("lineItems").path("nodes").forEach(lines::add);
        return OrderMapper.toOrder(order, lines, CONNECTION, "t1", "shop.myshopify.com", null, UUID.randomUUID(),
                Instant.parse("2026-11-03T00:00:00Z"));
    }

    @Test
    @DisplayName("A multi-unit line keeps the unit price before discounts; its total is unit × quantity − allocations")
    void multiUnitLine() throws Exception {
        // given the documented order, when it is mapped
        OrderLine line = map(ORDER).lines().getFirst();

        // then the unit price is originalUnitPriceSet and the line total is after the discount allocation
        assertThat(line.quantity()).isEqualTo(3);
        assertThat(line.quantityShipped()).isEqualTo(2);
        assertThat(line.unitPrice().amount()).isEqualTo("12.50");
        assertThat(line.discount().amount()).isEqualTo("5.00");
        assertThat(line.lineTotal().amount()).isEqualTo("32.50");
        assertThat(line.lineTotal().currency()).isEqualTo("USD");
        assertThat(line.tax().amount()).isEqualTo("2.60");
        assertThat(line.marketplaceProductId()).isEqualTo("gid://shopify/ProductVariant/49148385");
    }

    @Test
    @DisplayName("The order keeps its gid, name, processing time, total as a decimal string and both statuses")
    void orderFields() throws Exception {
        // given the documented order, when it is mapped
        Order order = map(ORDER);

        // then the normalized order carries Shopify's values unchanged
        assertThat(order.externalId()).isEqualTo("gid://shopify/Order/148977776");
        assertThat(order.orderNumber()).isEqualTo("#1001");
        assertThat(order.purchasedAt()).isEqualTo(Instant.parse("2026-11-01T09:59:30Z"));
        assertThat(order.total().amount()).isEqualTo("56.87");
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(order.marketplaceStatus()).isEqualTo("PAID/PARTIALLY_FULFILLED");
        assertThat(order.lines()).hasSize(2);
        assertThat(order.lines().get(1).discount()).isNull();
        assertThat(order.lines().get(1).lineTotal().amount()).isEqualTo("19.99");
    }

    @Test
    @DisplayName("Statuses map from payment, fulfillment and cancellation into the normalized set")
    void statuses() {
        assertThat(OrderMapper.status("PAID", "UNFULFILLED", false)).isEqualTo(OrderStatus.UNSHIPPED);
        assertThat(OrderMapper.status("AUTHORIZED", "UNFULFILLED", false)).isEqualTo(OrderStatus.UNSHIPPED);
        assertThat(OrderMapper.status("PENDING", "UNFULFILLED", false)).isEqualTo(OrderStatus.PENDING);
        assertThat(OrderMapper.status("PAID", "FULFILLED", false)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(OrderMapper.status("PAID", "UNFULFILLED", true)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderMapper.status("REFUNDED", "UNFULFILLED", false)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderMapper.status("VOIDED", "UNFULFILLED", false)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderMapper.status("PAID", "REQUEST_DECLINED", false)).isEqualTo(OrderStatus.UNFULFILLABLE);
        assertThat(OrderMapper.status("PAID", "SOMETHING_NEW", false)).isEqualTo(OrderStatus.UNKNOWN);
    }

    @Test
    @DisplayName("A line without its prices cannot be read, so the page is malformed instead of a wrong order")
    void missingPrice() {
        String broken = ORDER.replace("\"originalUnitPriceSet\":{\"shopMoney\":{\"amount\":\"12.50\",\"currencyCode\":\"USD\"}},", "");
        assertThatThrownBy(() -> map(broken)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.nexusconnect.zalando.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The documented order (orders-status.html: {@code order_lines_count} 2, {@code order_lines_price_amount} 749.55 EUR,
 * {@code exported} true) as a JSON:API document with its items and lines included.
 */
class OrderDocumentMapperTest {
    private static final OrderDocumentMapper.Context CONTEXT = new OrderDocumentMapper.Context(UUID.randomUUID(),
            "tenant-a", UUID.randomUUID(), Instant.parse("2019-11-20T10:00:00Z"));

    static String document(String firstLineStatus, String secondLineStatus, String orderStatus) {
        return """
                {"data":[{"type":"Order","id":"56be4b6d-f2de-4f57-b97b-6e1a5409623e",
                  "attributes":{"order_number":"10105566785015","status":"%s","exported":true,
                    "order_type":"PartnerFulfilled","sales_channel_id":"091dcbdd-7839-4f39-aa05-324eb4599df0",
                    "created_at":"2019-11-18T09:12:32.169+00:00","modified_at":"2019-11-19T10:00:00.000+00:00",
                    "order_lines_count":2,"order_lines_price_amount":749.55,"order_lines_price_currency":"EUR",
                    "delivery_end_date":"2019-11-22T09:12:32.169+00:00","some_future_field":{"x":1}},
                  "relationships":{"order_items":{"data":[{"type":"OrderItem","id":"item-1"}]}}}],
                 "included":[
                  {"type":"OrderItem","id":"item-1","attributes":{"article_id":"ART-1","ean":"4063614512884",
                    "description":"Leather boots","quantity_initial":2},
                   "relationships":{"order_lines":{"data":[{"type":"OrderLine","id":"line-1"},
                     {"type":"OrderLine","id":"line-2"}]}}},
                  {"type":"OrderLine","id":"line-1","attributes":{"status":"%s",
                    "price":{"amount":374.80,"currency":"EUR"}}},
                  {"type":"OrderLine","id":"line-2","attributes":{"status":"%s",
                    "price":{"amount":374.75,"currency":"EUR"}}}],
                 "links":{"self":"https://api-sandbox.merchants.zalando.com/merchants/m/orders?page_number=0"}}
                """.formatted(orderStatus, firstLineStatus, secondLineStatus);
    }

    static List<Order> map(String json) {
        JsonNode document = Json.mapper().valueToTree(Json.read(json, java.util.Map.class));
        return OrderDocumentMapper.toOrders(document, CONTEXT);
    }

    @Test
    void anItemWithTwoLinesIsOneNormalizedLineOfQuantityTwoPricedByItsLines() {
        Order order = map(document("initial", "initial", "approved")).getFirst();

        assertThat(order.externalId()).isEqualTo("56be4b6d-f2de-4f57-b97b-6e1a5409623e");
        assertThat(order.orderNumber()).isEqualTo("10105566785015");
        assertThat(order.status()).isEqualTo(OrderStatus.UNSHIPPED);
        assertThat(order.total().decimal()).isEqualByComparingTo("749.55");
        OrderLine line = order.lines().getFirst();
        assertThat(line.sku()).isEqualTo("4063614512884");
        assertThat(line.quantity()).isEqualTo(2);
        assertThat(line.lineTotal().decimal()).isEqualByComparingTo("749.55");
        assertThat(line.unitPrice().decimal()).isEqualByComparingTo("374.78");
        assertThat(order.purchasedAt()).isEqualTo(Instant.parse("2019-11-18T09:12:32.169Z"));
    }

    @Test
    void aCanceledLineLeavesQuantityAndTotalAndOneShippedLineMakesThePartShipped() {
        Order order = map(document("canceled", "shipped", "fulfilled")).getFirst();

        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.lines().getFirst().quantity()).isEqualTo(1);
        assertThat(order.lines().getFirst().quantityShipped()).isEqualTo(1);
        assertThat(order.total().decimal()).isEqualByComparingTo("374.75");
        assertThat(map(document("canceled", "canceled", "approved")).getFirst().status())
                .isEqualTo(OrderStatus.CANCELLED);
        assertThat(map(document("shipped", "initial", "approved")).getFirst().status())
                .isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(map(document("initial", "initial", "initial")).getFirst().status())
                .isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void aLineTheDocumentDoesNotIncludeIsAMalformedPage() {
        String missing = document("initial", "initial", "approved").replace("\"id\":\"line-2\",", "\"id\":\"x\",");

        assertThatThrownBy(() -> map(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderLine line-2");
    }
}

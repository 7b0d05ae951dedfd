package io.nexusconnect.bol.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The examples of retailer.json ({@code Order}, {@code ReducedOrders}; the resources are those example values). */
class OrderMapperTest {
    private static final UUID CONNECTION = UUID.randomUUID();
    private static final UUID SYNC = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = OrderMapperTest.class.getResourceAsStream("/bol/" + name)) {
            return Json.mapper().readTree(in);
        }
    }

    @Test
    @DisplayName("Given the spec's order example (10 × 12.99 with a 10.99 discount, total 118.91), then the line total is bol's totalPrice and the discount the difference")
    void specExamplePricesExactly() throws IOException {
        Order order = OrderMapper.toOrder(resource("order-example.json"), CONNECTION, "t1", SYNC, NOW);

        assertThat(order.marketplace()).isEqualTo(Marketplace.BOL);
        assertThat(order.externalId()).isEqualTo("A2K8290LP8");
        assertThat(order.purchasedAt()).isEqualTo(Instant.parse("2017-02-09T11:39:48Z"));
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2017-02-09T12:39:48Z"));
        assertThat(order.fulfillmentChannel()).isEqualTo("FBR");
        OrderLine line = order.lines().getFirst();
        assertThat(line.sku()).isEqualTo("BOLCOM00123");
        assertThat(line.marketplaceProductId()).isEqualTo("0000007740404");
        assertThat(line.quantity()).isEqualTo(10);
        assertThat(line.unitPrice().decimal()).isEqualByComparingTo("12.99");
        assertThat(line.lineTotal().decimal()).isEqualByComparingTo("118.91");
        assertThat(line.discount().decimal()).isEqualByComparingTo("10.99");
        assertThat(line.unitPrice().currency()).isEqualTo("EUR");
        assertThat(order.total().decimal()).isEqualByComparingTo("118.91");
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    @DisplayName("Given an item without an offer reference, then its SKU is the EAN; with nothing shipped the order is unshipped")
    void eanWhenNoReference() throws IOException {
        JsonNode order = resource("order-example.json");
        JsonNode item = order.path("orderItems").path(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) item.path("offer")).remove("reference");
        ((com.fasterxml.jackson.databind.node.ObjectNode) item).put("quantityShipped", 0);

        Order mapped = OrderMapper.toOrder(order, CONNECTION, "t1", SYNC, NOW);

        assertThat(mapped.lines().getFirst().sku()).isEqualTo("0000007740404");
        assertThat(mapped.status()).isEqualTo(OrderStatus.UNSHIPPED);
    }

    @Test
    @DisplayName("Given the spec's reduced order, then its latest change is the item's latestChangedDateTime")
    void latestChangeOfTheListedOrder() throws IOException {
        JsonNode reduced = resource("orders-example.json").path("orders").path(0);

        assertThat(OrderMapper.latestChange(reduced)).isEqualTo(Instant.parse("2017-02-09T11:39:48Z"));
    }

    @Test
    @DisplayName("Given an item without unitPrice, then the order is refused as unreadable")
    void missingPriceIsRefused() throws IOException {
        JsonNode order = resource("order-example.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) order.path("orderItems").path(0)).remove("unitPrice");

        assertThatThrownBy(() -> OrderMapper.toOrder(order, CONNECTION, "t1", SYNC, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unitPrice");
    }

    @Test
    @DisplayName("Given cancelled and partly shipped quantities, then the status follows the live units")
    void statusFromQuantities() {
        assertThat(OrderMapper.status(2, 0, 2)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderMapper.status(3, 1, 0)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(OrderMapper.status(3, 2, 1)).isEqualTo(OrderStatus.SHIPPED);
    }
}

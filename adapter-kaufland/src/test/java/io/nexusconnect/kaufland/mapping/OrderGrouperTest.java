package io.nexusconnect.kaufland.mapping;

import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.kaufland.client.model.OrderUnit;
import io.nexusconnect.kaufland.client.model.OrderUnitsPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderGrouperTest {
    private static final UUID CONNECTION = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    /** The spec's OrderUnit example (swagger.json, components.schemas.OrderUnit) three times: two of AB-120, one other. */
    private static List<OrderUnit> units() throws Exception {
        String unit = """
                {"id_order_unit":%d,"id_order":"MB7UWLD","ts_created_iso":"2021-07-24T19:26:05Z",
                 "ts_updated_iso":"%s","status":"%s","price":%d,"id_offer":"%s","revenue_gross":5900,
                 "revenue_net":3400,"shipping_rate":%d,"storefront":"DE","currency":"EUR",
                 "fulfillment_type":"fulfilled_by_merchant","unknown_field":true,
                 "product":{"id_product":20574181,"title":"PHP and MySQL for Dummies","eans":["9780470527580"]}}""";
        String json = "{\"data\":[" + unit.formatted(314567896580917L, "2021-07-24T19:26:05Z", "sent", 200, "AB-120", 390)
                + "," + unit.formatted(314567896580918L, "2021-07-25T08:00:00Z", "need_to_be_sent", 200, "AB-120", 0)
                + "," + unit.formatted(314567896580919L, "2021-07-24T19:26:05Z", "need_to_be_sent", 1999, "CD-7", 0)
                + "],\"pagination\":{\"offset\":0,\"limit\":30,\"total\":3}}";
        return Json.mapper().readValue(json, OrderUnitsPage.class).data();
    }

    @Test
    @DisplayName("Given three units of one order, two of the same offer and price, when grouped, then one order with a line of quantity 2 and one of 1, cents as decimals")
    void groupsUnitsIntoQuantityLines() throws Exception {
        Order order = OrderGrouper.toOrder(units(), CONNECTION, "tenant", UUID.randomUUID(), NOW);

        assertThat(order.externalId()).isEqualTo("MB7UWLD");
        assertThat(order.salesChannel()).isEqualTo("kaufland.de");
        assertThat(order.lines()).hasSize(2);
        assertThat(order.lines().getFirst().lineId()).isEqualTo("314567896580917");
        assertThat(order.lines().getFirst().quantity()).isEqualTo(2);
        assertThat(order.lines().getFirst().quantityShipped()).isEqualTo(1);
        assertThat(order.lines().getFirst().unitPrice().amount()).isEqualTo("2.00");
        assertThat(order.lines().getFirst().lineTotal().amount()).isEqualTo("4.00");
        assertThat(order.lines().getFirst().shipping().amount()).isEqualTo("3.90");
        assertThat(order.lines().get(1).unitPrice().amount()).isEqualTo("19.99");
        assertThat(order.total().amount()).isEqualTo("27.89");
        assertThat(order.total().currency()).isEqualTo("EUR");
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(order.marketplaceStatus()).isEqualTo("need_to_be_sent:2,sent:1");
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2021-07-25T08:00:00Z"));
    }

    @Test
    @DisplayName("Given only cancelled units, when grouped, then the order is cancelled with a zero total")
    void allCancelled() throws Exception {
        List<OrderUnit> cancelled = units().stream().map(u -> new OrderUnit(u.idOrderUnit(), u.idOrder(),
                u.tsCreatedIso(), u.tsUpdatedIso(), "cancelled", u.price(), u.idOffer(), u.shippingRate(),
                u.storefront(), u.currency(), u.fulfillmentType(), u.product())).toList();

        Order order = OrderGrouper.toOrder(cancelled, CONNECTION, "tenant", UUID.randomUUID(), NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.total().amount()).isEqualTo("0.00");
    }

    @Test
    @DisplayName("Given a unit without price, when grouped, then it is refused as unreadable")
    void refusesUnitsWithoutPrice() throws Exception {
        OrderUnit u = units().getFirst();
        OrderUnit noPrice = new OrderUnit(u.idOrderUnit(), u.idOrder(), u.tsCreatedIso(), u.tsUpdatedIso(), u.status(),
                null, u.idOffer(), u.shippingRate(), u.storefront(), u.currency(), u.fulfillmentType(), u.product());

        assertThatThrownBy(() -> OrderGrouper.toOrder(List.of(noPrice), CONNECTION, "t", UUID.randomUUID(), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price");
    }
}

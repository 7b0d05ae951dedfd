package io.nexusconnect.walmart.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderMapperTest {
    /** orders.json getAllOrders example, first order, with the line's quantity raised to 2. */
    private static final String SPEC_ORDER = """
            {"purchaseOrderId": "1796277083022", "customerOrderId": "5281956426648",
             "customerEmailId": "3A31739D8B0A45A1B23F7F8C81C8747F@relay.walmart.com", "orderType": "REPLACEMENT",
             "orderDate": 1568466571000,
             "shippingInfo": {"phone": "3155598681", "estimatedDeliveryDate": 1569438000000,
               "estimatedShipDate": 1568700000000, "methodCode": "Value"},
             "orderLines": {"orderLine": [{"lineNumber": "4",
               "item": {"productName": "Beba Bean Pee-pee Teepee Airplane - Blue - Laundry Bag", "sku": "test1"},
               "charges": {"charge": [{"chargeType": "PRODUCT", "chargeName": "ItemPrice",
                 "chargeAmount": {"currency": "USD", "amount": 10},
                 "tax": {"taxName": "Tax1", "taxAmount": {"currency": "USD", "amount": 0.8}}}]},
               "orderLineQuantity": {"unitOfMeasurement": "EACH", "amount": "2"}, "statusDate": 1568466647000,
               "orderLineStatuses": {"orderLineStatus": [{"status": "Created",
                 "statusQuantity": {"unitOfMeasurement": "EACH", "amount": "2"}}]},
               "fulfillment": {"fulfillmentOption": "S2H", "shipMethod": "VALUE"}, "unknownField": true}]}}
            """;
    private static final UUID CONNECTION = UUID.randomUUID();

    private static Order map(String json, OrderMapper.ChargeBasis basis) {
        JsonNode node = Json.read(json, JsonNode.class);
        return OrderMapper.toOrder(node, basis, CONNECTION, "tenant", null, UUID.randomUUID(), Instant.EPOCH);
    }

    @Test
    @DisplayName("Given the spec's order with a two-unit line and per-unit charges, when mapped, then the unit price is the charge, the line total and tax are twice it, and the order is unshipped")
    void perUnitCharges() {
        Order order = map(SPEC_ORDER, OrderMapper.ChargeBasis.UNIT);
        OrderLine line = order.lines().getFirst();

        assertThat(order.externalId()).isEqualTo("1796277083022");
        assertThat(order.orderNumber()).isEqualTo("5281956426648");
        assertThat(order.status()).isEqualTo(OrderStatus.UNSHIPPED);
        assertThat(order.marketplaceStatus()).isEqualTo("Created");
        assertThat(order.purchasedAt()).isEqualTo(Instant.ofEpochMilli(1568466571000L));
        assertThat(order.updatedAt()).isEqualTo(Instant.ofEpochMilli(1568466647000L));
        assertThat(line.sku()).isEqualTo("test1");
        assertThat(line.quantity()).isEqualTo(2);
        assertThat(line.unitPrice().decimal()).isEqualByComparingTo("10");
        assertThat(line.lineTotal().decimal()).isEqualByComparingTo("20");
        assertThat(line.tax().decimal()).isEqualByComparingTo("1.6");
        assertThat(order.total().decimal()).isEqualByComparingTo("21.6");
        assertThat(order.total().currency()).isEqualTo("USD");
        assertThat(OrderMapper.awaitsAcknowledgement(Json.read(SPEC_ORDER, JsonNode.class))).isTrue();
    }

    @Test
    @DisplayName("Given the same order read with line-total charges, when mapped, then the line total is the charge and the unit price half of it")
    void lineTotalCharges() {
        OrderLine line = map(SPEC_ORDER, OrderMapper.ChargeBasis.LINE).lines().getFirst();

        assertThat(line.lineTotal().decimal()).isEqualByComparingTo("10");
        assertThat(line.unitPrice().decimal()).isEqualByComparingTo("5");
        assertThat(line.tax().decimal()).isEqualByComparingTo("0.8");
    }

    @Test
    @DisplayName("Given line statuses shipped, delivered and cancelled, when the order status is derived, then shipped wins over cancelled lines and a mix with open lines is partial")
    void statusesFromLines() {
        assertThat(OrderMapper.status(java.util.Set.of("Shipped", "Cancelled"))).isEqualTo(OrderStatus.SHIPPED);
        assertThat(OrderMapper.status(java.util.Set.of("Shipped", "Acknowledged")))
                .isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(OrderMapper.status(java.util.Set.of("Cancelled"))).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderMapper.awaitsAcknowledgement(Json.read(SPEC_ORDER.replace("\"Created\"", "\"Shipped\""),
                JsonNode.class))).isFalse();
    }

    @Test
    @DisplayName("Given a line without a PRODUCT charge, when mapped, then it is refused as unreadable")
    void missingProductCharge() {
        assertThatThrownBy(() -> map(SPEC_ORDER.replace("\"PRODUCT\"", "\"SHIPPING\""), OrderMapper.ChargeBasis.UNIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRODUCT");
    }
}

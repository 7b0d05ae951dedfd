package io.nexusconnect.amazon.mapping;

import io.nexusconnect.amazon.client.model.AmazonMoney;
import io.nexusconnect.amazon.client.model.AmazonOrder;
import io.nexusconnect.amazon.client.model.AmazonOrderItem;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderMapperTest {
    private static final UUID CONNECTION = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static AmazonOrder order(String status, AmazonMoney total) {
        return new AmazonOrder("113-0000001-0000001", null, "2026-02-27T08:15:00Z", "2026-02-28T09:00:00.123Z", status,
                "MFN", "Amazon.com", total, "ATVPDKIKX0DER", 0, 3);
    }

    private static AmazonOrderItem item(int quantity, String itemPrice) {
        return new AmazonOrderItem("B00TESTASN", "SKU-RED-M", "52986411826454", "Red shirt M", quantity, 0,
                new AmazonMoney("USD", itemPrice), new AmazonMoney("USD", "2.40"), new AmazonMoney("USD", "4.99"), null);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"Pending,PENDING", "PendingAvailability,PENDING", "Unshipped,UNSHIPPED",
            "PartiallyShipped,PARTIALLY_SHIPPED", "Shipped,SHIPPED", "InvoiceUnconfirmed,SHIPPED", "Canceled,CANCELLED",
            "Unfulfillable,UNFULFILLABLE", "SomethingNew,UNKNOWN"})
    @DisplayName("Every Orders v0 status maps to a normalized one, unknown future values to unknown")
    void statuses(String amazon, OrderStatus expected) {
        assertThat(AmazonOrderStatus.normalize(amazon)).isEqualTo(expected);
    }

    @Test
    @DisplayName("ItemPrice is taken as the line total and the unit price is derived from it, as decimal strings")
    void itemPriceIsLineTotal() {
        // given a line of 3 whose ItemPrice is 59.97
        Order mapped = OrderMapper.toOrder(order("Unshipped", new AmazonMoney("USD", "67.36")), List.of(item(3, "59.97")),
                CONNECTION, "tenant-1", null, UUID.randomUUID(), NOW);

        // then the line total is 59.97 and the unit price 19.99, with the order's total and dates kept exactly
        assertThat(mapped.lines().getFirst().lineTotal()).isEqualTo(new Money("59.97", "USD"));
        assertThat(mapped.lines().getFirst().unitPrice()).isEqualTo(new Money("19.99", "USD"));
        assertThat(mapped.total()).isEqualTo(new Money("67.36", "USD"));
        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2026-02-28T09:00:00.123Z"));
        assertThat(mapped.key()).isEqualTo(CONNECTION + "/113-0000001-0000001");
        assertThat(EventSchemas.violations(Order.TYPE, Json.write(mapped))).isEmpty();
    }

    @Test
    @DisplayName("The connection's currency override relabels every amount; a Pending order without total has none")
    void currencyOverride() {
        // given a pending order without OrderTotal and a connection set to CAD
        Order mapped = OrderMapper.toOrder(order("Pending", null), List.of(item(2, "10.00")), CONNECTION, "tenant-1", "CAD",
                UUID.randomUUID(), NOW);

        // then the amounts are labelled CAD and the total is absent
        assertThat(mapped.total()).isNull();
        assertThat(mapped.lines().getFirst().lineTotal()).isEqualTo(new Money("10.00", "CAD"));
        assertThat(mapped.lines().getFirst().tax().currency()).isEqualTo("CAD");
        assertThat(EventSchemas.violations(Order.TYPE, Json.write(mapped))).isEmpty();
    }

    @Test
    @DisplayName("An order without PurchaseDate cannot be mapped and says which field is missing")
    void missingRequiredField() {
        AmazonOrder broken = new AmazonOrder("113-1", null, null, "2026-02-28T09:00:00Z", "Shipped", "AFN", null, null,
                "ATVPDKIKX0DER", 1, 0);
        assertThatThrownBy(() -> OrderMapper.toOrder(broken, List.of(), CONNECTION, "t", null, UUID.randomUUID(), NOW))
                .hasMessageContaining("PurchaseDate");
    }
}

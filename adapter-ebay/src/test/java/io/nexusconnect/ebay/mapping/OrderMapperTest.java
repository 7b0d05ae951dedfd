package io.nexusconnect.ebay.mapping;

import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.ebay.client.model.OrdersPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * getOrders answers built from sell_fulfillment_v1_oas3.json's own definitions (the OAS3 file carries no response
 * examples): its timestamp example {@code 2015-08-04T19:09:02.768Z}, Amount {@code {value, currency}}, lineItemCost =
 * unit price × quantity, total after delivery, collect-and-remit tax (TAX_BREAKDOWN) and discounts.
 */
class OrderMapperTest {
    private static final UUID CONNECTION = UUID.randomUUID();
    private static final UUID SYNC = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static final String PAGE = """
            {"href":"https://api.ebay.com/sell/fulfillment/v1/order?limit=50&offset=0","total":1,"limit":50,"offset":0,
             "orders":[{"orderId":"12-34567-89012","creationDate":"2015-08-04T19:09:02.768Z",
              "lastModifiedDate":"2015-08-05T08:00:00.001Z","orderFulfillmentStatus":"IN_PROGRESS",
              "orderPaymentStatus":"PAID","sellerId":"nexus_demo_store","buyer":{"username":"buyer_1"},
              "cancelStatus":{"cancelState":"NONE_REQUESTED","cancelRequests":[]},
              "pricingSummary":{"priceSubtotal":{"value":"59.97","currency":"USD"},
                "deliveryCost":{"value":"4.99","currency":"USD"},"priceDiscount":{"value":"-6.00","currency":"USD"},
                "tax":{"value":"4.73","currency":"USD"},"total":{"value":"63.69","currency":"USD"}},
              "ebayCollectAndRemitTax":true,"someFutureField":{"x":1},
              "lineItems":[
               {"lineItemId":"10001","legacyItemId":"110012345678","sku":"MUG-RED","title":"Red mug","quantity":3,
                "lineItemCost":{"value":"59.97","currency":"USD"},
                "discountedLineItemCost":{"value":"53.97","currency":"USD"},
                "appliedPromotions":[{"description":"10% off","discountAmount":{"value":"6.00","currency":"USD"}}],
                "deliveryCost":{"shippingCost":{"value":"4.99","currency":"USD"}},"taxes":[],
                "ebayCollectAndRemitTaxes":[{"taxType":"STATE_SALES_TAX","amount":{"value":"4.73","currency":"USD"}}],
                "total":{"value":"63.69","currency":"USD"},"lineItemFulfillmentStatus":"FULFILLED"}]}]}
            """;

    private static Order mapped(String json) {
        OrdersPage page = Json.read(json, OrdersPage.class);
        return OrderMapper.toOrder(page.orders().getFirst(), "EBAY_US", CONNECTION, "tenant-1", null, SYNC, NOW);
    }

    @Test
    @DisplayName("Given a three-unit line, when mapped, then the line total is lineItemCost, the unit price a third of it, tax the collect-and-remit tax, the discount the promotion and the order total pricingSummary.total")
    void moneyAsTheSpecDefinesIt() {
        Order order = mapped(PAGE);
        OrderLine line = order.lines().getFirst();

        assertThat(order.externalId()).isEqualTo("12-34567-89012");
        assertThat(order.purchasedAt()).isEqualTo(Instant.parse("2015-08-04T19:09:02.768Z"));
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2015-08-05T08:00:00.001Z"));
        assertThat(order.total().amount()).isEqualTo("63.69");
        assertThat(order.total().currency()).isEqualTo("USD");
        assertThat(line.quantity()).isEqualTo(3);
        assertThat(line.quantityShipped()).isEqualTo(3);
        assertThat(line.lineTotal().amount()).isEqualTo("59.97");
        assertThat(line.unitPrice().amount()).isEqualTo("19.99");
        assertThat(line.tax().amount()).isEqualTo("4.73");
        assertThat(line.shipping().amount()).isEqualTo("4.99");
        assertThat(line.discount().amount()).isEqualTo("6.00");
        assertThat(line.sku()).isEqualTo("MUG-RED");
        assertThat(line.marketplaceProductId()).isEqualTo("110012345678");
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(order.marketplaceStatus()).isEqualTo("IN_PROGRESS/PAID");
        assertThat(order.salesChannel()).isEqualTo("EBAY_US");
    }

    @Test
    @DisplayName("Given the three status fields, when normalized, then cancellation wins, then unpaid, then the fulfillment state")
    void statuses() {
        assertThat(EbayOrderStatus.normalize("NOT_STARTED", "PAID", "CANCELED")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(EbayOrderStatus.normalize("NOT_STARTED", "FULLY_REFUNDED", "NONE_REQUESTED"))
                .isEqualTo(OrderStatus.CANCELLED);
        assertThat(EbayOrderStatus.normalize("NOT_STARTED", "PENDING", "NONE_REQUESTED")).isEqualTo(OrderStatus.PENDING);
        assertThat(EbayOrderStatus.normalize("NOT_STARTED", "PAID", "NONE_REQUESTED")).isEqualTo(OrderStatus.UNSHIPPED);
        assertThat(EbayOrderStatus.normalize("FULFILLED", "PAID", "NONE_REQUESTED")).isEqualTo(OrderStatus.SHIPPED);
        assertThat(EbayOrderStatus.normalize("SOMETHING_NEW", "PAID", "NONE_REQUESTED")).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(EbayOrderStatus.marketplaceStatus("NOT_STARTED", "FULLY_REFUNDED", "CANCELED"))
                .isEqualTo("NOT_STARTED/FULLY_REFUNDED/CANCELED");
    }

    @Test
    @DisplayName("Given a connection currency override, when mapped, then amounts are relabelled, not converted")
    void currencyOverride() {
        OrdersPage page = Json.read(PAGE, OrdersPage.class);
        Order order = OrderMapper.toOrder(page.orders().getFirst(), "EBAY_US", CONNECTION, "t", "EUR", SYNC, NOW);
        assertThat(order.total().currency()).isEqualTo("EUR");
        assertThat(order.total().amount()).isEqualTo("63.69");
    }

    @Test
    @DisplayName("Given an order without lineItems or a line without lineItemCost, when mapped, then it is refused as unreadable")
    void refusesIncompleteOrders() {
        assertThatThrownBy(() -> mapped(PAGE.replace("\"lineItems\":[", "\"lineItemsX\":[")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lineItems");
        assertThatThrownBy(() -> mapped(PAGE.replace("\"lineItemCost\"", "\"lineItemCostX\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lineItemCost");
    }
}

package io.nexusconnect.sims.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.amazon.model.FulfillmentChannel;
import io.nexusconnect.sims.amazon.model.OrderStatus;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.amazon.model.SimOrderItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.nexusconnect.sims.amazon.SimHttp.encode;
import static io.nexusconnect.sims.amazon.SimHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

class OrderItemsTest extends AmazonSimTest {
    private String token;

    @Override
    AmazonSimConfig config() {
        return AmazonSimConfig.builder().orderCount(60).listingCount(20).orderItemsPageSize(1)
                .speedFactor(1000).build();
    }

    @BeforeAll
    void start() {
        token = SimHttp.demoToken(sim);
    }

    private List<JsonNode> allItems(String orderId) {
        List<JsonNode> items = new ArrayList<>();
        String nextToken = null;
        do {
            SimHttp.Reply reply = get(sim.baseUrl() + "/orders/v0/orders/" + orderId + "/orderItems"
                    + (nextToken == null ? "" : "?NextToken=" + encode(nextToken)), token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode payload = reply.json().path("payload");
            assertThat(payload.path("AmazonOrderId").asText()).isEqualTo(orderId);
            payload.path("OrderItems").forEach(items::add);
            nextToken = payload.path("NextToken").asText(null);
        } while (nextToken != null);
        return items;
    }

    @Test
    @DisplayName("Given a three-line order and one item per page, when getOrderItems is paged, then every line comes once with line totals")
    void itemsArePagedAndPriced() {
        List<SimListing> listings = sim.listings();
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put(listings.get(0).sku(), 2);
        lines.put(listings.get(1).sku(), 1);
        lines.put(listings.get(2).sku(), 3);
        SimOrder order = sim.addOrder(OrderStatus.UNSHIPPED, FulfillmentChannel.MFN, lines);

        List<JsonNode> items = allItems(order.amazonOrderId());

        assertThat(items).hasSize(3);
        for (int i = 0; i < 3; i++) {
            SimOrderItem expected = order.items().get(i);
            JsonNode item = items.get(i);
            assertThat(item.path("SellerSKU").asText()).isEqualTo(expected.sellerSku());
            assertThat(item.path("ASIN").asText()).isEqualTo(listings.get(i).asin());
            assertThat(item.path("OrderItemId").asText()).matches("\\d{14}");
            assertThat(item.path("QuantityOrdered").asInt()).isEqualTo(lines.get(expected.sellerSku()));
            assertThat(item.path("QuantityShipped").asInt()).isZero();
            assertThat(new BigDecimal(item.path("ItemPrice").path("Amount").asText()))
                    .isEqualByComparingTo(listings.get(i).price().multiply(BigDecimal.valueOf(expected.quantityOrdered())));
            assertThat(item.path("ItemPrice").path("CurrencyCode").asText()).isEqualTo("USD");
            assertThat(item.has("ItemTax")).isTrue();
            assertThat(item.has("ShippingPrice")).isTrue();
            assertThat(item.has("PromotionDiscount")).isTrue();
        }
        assertThat(sim.requestLog().count("getOrderItems")).isGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("Given an order, when getOrder is called, then the v0 Order agrees with the items: total, shipped and unshipped counts")
    void getOrderMatchesItems() {
        SimOrder order = sim.orders().stream().filter(o -> o.status() == OrderStatus.SHIPPED).findFirst().orElseThrow();

        JsonNode payload = get(sim.baseUrl() + "/orders/v0/orders/" + order.amazonOrderId(), token).json().path("payload");

        assertThat(payload.path("AmazonOrderId").asText()).matches("\\d{3}-\\d{7}-\\d{7}");
        assertThat(payload.path("OrderStatus").asText()).isEqualTo("Shipped");
        assertThat(payload.path("PurchaseDate").asText()).isEqualTo(order.purchaseDate().toString());
        assertThat(new BigDecimal(payload.path("OrderTotal").path("Amount").asText()))
                .isEqualByComparingTo(order.orderTotal());
        assertThat(payload.path("NumberOfItemsShipped").asInt())
                .isEqualTo(order.items().stream().mapToInt(SimOrderItem::quantityOrdered).sum());
        assertThat(payload.path("NumberOfItemsUnshipped").asInt()).isZero();
        assertThat(payload.path("FulfillmentChannel").asText()).isEqualTo(order.fulfillmentChannel().name());
    }

    @Test
    @DisplayName("Given a Pending order, when its items are read, then pricing is left out as the model describes for unpaid orders")
    void pendingOrdersHaveNoPrices() {
        SimOrder pending = sim.addOrder(OrderStatus.PENDING, FulfillmentChannel.MFN, Map.of(sim.listings().get(3).sku(), 1));

        JsonNode item = allItems(pending.amazonOrderId()).getFirst();
        JsonNode order = get(sim.baseUrl() + "/orders/v0/orders/" + pending.amazonOrderId(), token).json().path("payload");

        assertThat(item.has("ItemPrice")).isFalse();
        assertThat(item.path("QuantityOrdered").asInt()).isEqualTo(1);
        assertThat(order.has("OrderTotal")).isFalse();
    }

    @Test
    @DisplayName("Given an unknown or malformed order id, when getOrder/getOrderItems are called, then 404 and 400")
    void unknownAndMalformedIds() {
        SimHttp.Reply unknown = get(sim.baseUrl() + "/orders/v0/orders/999-0000000-0000000/orderItems", token);
        SimHttp.Reply malformed = get(sim.baseUrl() + "/orders/v0/orders/abc", token);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error("code")).isEqualTo("NotFound");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error("code")).isEqualTo("InvalidInput");
    }
}

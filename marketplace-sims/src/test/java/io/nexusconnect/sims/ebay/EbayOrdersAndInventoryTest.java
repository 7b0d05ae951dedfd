package io.nexusconnect.sims.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.common.SimClock;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.ebay.model.EbayOrder;
import io.nexusconnect.sims.ebay.model.InventoryRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.nexusconnect.sims.ebay.EbayHttp.enc;
import static io.nexusconnect.sims.ebay.EbayHttp.get;
import static io.nexusconnect.sims.ebay.EbayHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

class EbayOrdersAndInventoryTest {
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final SimClock CLOCK = new SimClock(START);
    private static EbaySimulator sim;
    private static String token;

    @BeforeAll
    static void start() {
        sim = EbaySimulator.start(EbaySimConfig.builder().clock(CLOCK).orderCount(230).itemCount(30).build());
        token = EbayHttp.accessToken(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String modifiedBetween(Instant from, Instant to) {
        return "/sell/fulfillment/v1/order?filter=" + enc("lastmodifieddate:[" + from + ".." + to + "]");
    }

    @Test
    @DisplayName("Given a lastmodifieddate window, when getOrders is paged with limit and offset to the end, then every matching order comes exactly once and total says how many")
    void pagesThroughTheWindow() {
        Instant from = START.minus(Duration.ofDays(10)).plusMillis(511);
        long expected = sim.orders().stream().filter(o -> !o.lastModifiedDate().isBefore(from)).count();
        Set<String> seen = new HashSet<>();
        int pages = 0;
        JsonNode page;
        int offset = 0;
        do {
            page = get(sim, token, modifiedBetween(from, START) + "&limit=40&offset=" + offset).json();
            page.path("orders").forEach(o -> assertThat(seen.add(o.path("orderId").asText())).isTrue());
            offset += 40;
            pages++;
        } while (page.has("next"));

        assertThat(seen).hasSize((int) expected);
        assertThat(page.path("total").asLong()).isEqualTo(expected);
        assertThat(pages).isEqualTo((int) Math.ceil(expected / 40.0));
    }

    @Test
    @DisplayName("Given a multi-unit line, when read, then lineItemCost is unit price × quantity and total adds delivery minus the discount, plus the collect-and-remit tax only with TAX_BREAKDOWN")
    void moneyFollowsTheFieldDefinitions() {
        InventoryRecord item = sim.items().stream().filter(InventoryRecord::published).findFirst().orElseThrow();
        EbayOrder order = sim.store().addOrder(Map.of(item.sku(), 3));

        JsonNode plain = get(sim, token, "/sell/fulfillment/v1/order/" + order.orderId()).json();
        JsonNode broken = get(sim, token, "/sell/fulfillment/v1/order/" + order.orderId()
                + "?fieldGroups=TAX_BREAKDOWN").json();

        var line = order.lineItems().getFirst();
        BigDecimal cost = item.price().multiply(BigDecimal.valueOf(3));
        JsonNode json = plain.path("lineItems").path(0);
        assertThat(json.path("quantity").asInt()).isEqualTo(3);
        assertThat(new BigDecimal(json.path("lineItemCost").path("value").asText())).isEqualByComparingTo(cost);
        assertThat(new BigDecimal(json.path("total").path("value").asText()))
                .isEqualByComparingTo(cost.add(line.deliveryCost()));
        assertThat(new BigDecimal(broken.path("lineItems").path(0).path("total").path("value").asText()))
                .isEqualByComparingTo(cost.add(line.deliveryCost()).add(line.tax()));
        assertThat(broken.path("pricingSummary").path("total").path("currency").asText()).isEqualTo("USD");
        assertThat(plain.path("creationDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    @DisplayName("Given bad getOrders input, when called, then the spec's error ids answer (31100 limit, 30700 filter name, 30850 future, 30820 no start)")
    void validatesInput() {
        assertThat(get(sim, token, "/sell/fulfillment/v1/order?limit=201").errorId()).isEqualTo(31100);
        assertThat(get(sim, token, "/sell/fulfillment/v1/order?filter=" + enc("color:[x..]")).errorId())
                .isEqualTo(30700);
        assertThat(get(sim, token, modifiedBetween(START, START.plusSeconds(60))).errorId()).isEqualTo(30850);
        assertThat(get(sim, token, "/sell/fulfillment/v1/order?filter=" + enc("lastmodifieddate:[..2026-01-01T00:00:00Z]"))
                .errorId()).isEqualTo(30820);
    }

    @Test
    @DisplayName("Given inventory items, when paged with offset as a page number and offers read per SKU, then quantities and listing status come back")
    void inventoryAndOffers() {
        JsonNode first = get(sim, token, "/sell/inventory/v1/inventory_item?limit=25").json();
        JsonNode second = get(sim, token, "/sell/inventory/v1/inventory_item?limit=25&offset=1").json();
        InventoryRecord item = sim.items().getFirst();
        JsonNode offers = get(sim, token, "/sell/inventory/v1/offer?sku=" + item.sku()).json();

        assertThat(first.path("inventoryItems")).hasSize(25);
        assertThat(first.path("next").asText()).endsWith("offset=1");
        assertThat(second.path("inventoryItems")).hasSize(5);
        assertThat(second.has("next")).isFalse();
        assertThat(first.path("inventoryItems").path(0).path("availability").path("shipToLocationAvailability")
                .path("quantity").asInt()).isEqualTo(item.quantity());
        assertThat(offers.path("offers").path(0).path("offerId").asText()).isEqualTo(item.offerId());
        assertThat(get(sim, token, "/sell/inventory/v1/offer?sku=NOPE").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("Given a bulk update with a known and an unknown SKU, when sent, then 207 answers per item, the known quantity changes and more than 25 requests are refused")
    void bulkUpdate() {
        InventoryRecord item = sim.items().get(1);
        String body = "{\"requests\":[{\"sku\":\"" + item.sku() + "\",\"shipToLocationAvailability\":{\"quantity\":17}},"
                + "{\"sku\":\"NOPE\",\"shipToLocationAvailability\":{\"quantity\":1}}]}";

        EbayHttp.Reply reply = post(sim, token, "/sell/inventory/v1/bulk_update_price_quantity", body);

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.json().path("responses").path(0).path("statusCode").asInt()).isEqualTo(200);
        assertThat(reply.json().path("responses").path(1).path("errors").path(0).path("errorId").asLong())
                .isEqualTo(25702);
        assertThat(sim.store().item(item.sku()).orElseThrow().quantity()).isEqualTo(17);
        StringBuilder many = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < 26; i++) {
            many.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(item.sku())
                    .append("\",\"shipToLocationAvailability\":{\"quantity\":1}}");
        }
        assertThat(post(sim, token, "/sell/inventory/v1/bulk_update_price_quantity", many + "]}").errorId())
                .isEqualTo(25709);
    }

    @Test
    @DisplayName("Given the INVALID_SUBMISSION fault, when a bulk update is sent, then every item is rejected with 25002 and nothing changes")
    void invalidSubmission() {
        InventoryRecord item = sim.items().get(2);
        sim.faults().next("bulkUpdatePriceQuantity", Fault.invalidSubmission());

        EbayHttp.Reply reply = post(sim, token, "/sell/inventory/v1/bulk_update_price_quantity",
                "{\"requests\":[{\"sku\":\"" + item.sku() + "\",\"shipToLocationAvailability\":{\"quantity\":99}}]}");

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.json().path("responses").path(0).path("errors").path(0).path("errorId").asLong())
                .isEqualTo(25002);
        assertThat(sim.store().item(item.sku()).orElseThrow().quantity()).isEqualTo(item.quantity());
    }
}

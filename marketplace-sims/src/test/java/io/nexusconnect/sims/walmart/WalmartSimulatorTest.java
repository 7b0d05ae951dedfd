package io.nexusconnect.sims.walmart;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.common.SimClock;
import io.nexusconnect.sims.common.faults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WalmartSimulatorTest {
    private static final SimClock CLOCK = new SimClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static WalmartSimulator sim;

    @BeforeAll
    static void start() {
        sim = WalmartSimulator.start(WalmartSimConfig.defaults().withClock(CLOCK).withData(250, 30, 7)
                .withFeeds(2, Duration.ofSeconds(30))
                .withBuckets(Map.of(WalmartSimulator.GET_ORDERS, new WalmartSimConfig.Bucket(1000, 1000),
                        WalmartSimulator.GET_INVENTORY, new WalmartSimConfig.Bucket(1.0, 2))));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aTokenNeedsTheRightClientSecretAndLastsFifteenMinutes() {
        assertThat(WalmartHttp.token(sim, "wrong").status()).isEqualTo(401);
        WalmartHttp.Reply ok = WalmartHttp.token(sim, WalmartSimulator.DEMO.clientSecret());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("expires_in").asLong()).isEqualTo(900);
    }

    @Test
    void callsWithoutTheRequiredHeadersAreRefused() {
        String token = WalmartHttp.accessToken(sim);
        assertThat(WalmartHttp.get(sim, null, "/v3/items").status()).isEqualTo(401);
        WalmartHttp.Reply noCorrelation = WalmartHttp.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sim.baseUrl() + "/v3/items")).header("WM_SEC.ACCESS_TOKEN", token)
                .header("WM_SVC.NAME", "Walmart Marketplace").GET());
        assertThat(noCorrelation.status()).isEqualTo(400);
        assertThat(noCorrelation.errorCode()).isEqualTo("INVALID_REQUEST_HEADER.GMP_GATEWAY_API");
    }

    @Test
    void ordersPageThroughNextCursorToTheEndAndAnEmptyResultIsA404() {
        String token = WalmartHttp.accessToken(sim);
        Set<String> seen = new HashSet<>();
        String query = "/v3/orders?limit=50&lastModifiedStartDate=2026-01-01T00:00:00Z";
        int pages = 0;
        while (query != null) {
            WalmartHttp.Reply page = WalmartHttp.get(sim, token, query);
            assertThat(page.status()).isEqualTo(200);
            pages++;
            for (JsonNode order : page.json().path("list").path("elements").path("order")) {
                assertThat(seen.add(order.path("purchaseOrderId").asText())).isTrue();
            }
            String cursor = page.json().path("list").path("meta").path("nextCursor").asText(null);
            query = cursor == null ? null : "/v3/orders" + cursor;
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(sim.store().orders().stream()
                .map(o -> o.purchaseOrderId).toList());
        assertThat(pages).isEqualTo((seen.size() + 49) / 50);
        WalmartHttp.Reply empty = WalmartHttp.get(sim, token, "/v3/orders?lastModifiedStartDate=2027-01-01");
        assertThat(empty.status()).isEqualTo(404);
        assertThat(empty.errorCode()).isEqualTo("CONTENT_NOT_FOUND.GMP_ORDER_API");
    }

    @Test
    void anAcknowledgedOrderTurnsItsCreatedLinesAcknowledged() {
        String token = WalmartHttp.accessToken(sim);
        WalmartStore.PurchaseOrder order = sim.store().place("WM-SKU-00001", 3);
        WalmartHttp.Reply ack = WalmartHttp.post(sim, token, "/v3/orders/" + order.purchaseOrderId
                + "/acknowledge", "");
        assertThat(ack.status()).isEqualTo(200);
        JsonNode line = ack.json().path("order").path("orderLines").path("orderLine").path(0);
        assertThat(line.path("orderLineStatuses").path("orderLineStatus").path(0).path("status").asText())
                .isEqualTo("Acknowledged");
        assertThat(line.path("orderLineQuantity").path("amount").asText()).isEqualTo("3");
        assertThat(line.path("charges").path("charge").path(0).path("chargeType").asText()).isEqualTo("PRODUCT");
    }

    @Test
    void inventoryIsSetBySkuAndByAFeedWithAStatusPerItemWithinTheHourlyFeedLimit() {
        String token = WalmartHttp.accessToken(sim);
        WalmartHttp.Reply put = WalmartHttp.put(sim, token, "/v3/inventory?sku=WM-SKU-00002",
                "{\"sku\":\"WM-SKU-00002\",\"quantity\":{\"unit\":\"EACH\",\"amount\":7}}");
        assertThat(put.status()).isEqualTo(200);
        String feed = "{\"InventoryHeader\":{\"version\":\"1.4\"},\"Inventory\":[{\"sku\":\"WM-SKU-00003\","
                + "\"quantity\":{\"unit\":\"EACH\",\"amount\":4}},{\"sku\":\"NOPE\",\"quantity\":{\"unit\":\"EACH\","
                + "\"amount\":1}}]}";
        WalmartHttp.Reply submitted = WalmartHttp.post(sim, token, "/v3/feeds?feedType=inventory", feed);
        assertThat(submitted.status()).isEqualTo(200);
        String feedId = submitted.json().path("feedId").asText();
        assertThat(WalmartHttp.get(sim, token, "/v3/feeds/" + feedId + "?includeDetails=true").json()
                .path("feedStatus").asText()).isEqualTo("RECEIVED");
        CLOCK.advance(Duration.ofSeconds(31));
        JsonNode status = WalmartHttp.get(sim, token, "/v3/feeds/" + feedId + "?includeDetails=true").json();
        assertThat(status.path("feedStatus").asText()).isEqualTo("PROCESSED");
        assertThat(status.path("itemsFailed").asInt()).isEqualTo(1);
        assertThat(status.path("itemDetails").path("itemIngestionStatus").path(1).path("ingestionStatus").asText())
                .isEqualTo("DATA_ERROR");
        assertThat(sim.store().item("WM-SKU-00003").orElseThrow().quantity).isEqualTo(4);
        assertThat(WalmartHttp.post(sim, token, "/v3/feeds?feedType=inventory", feed).status()).isEqualTo(200);
        assertThat(WalmartHttp.post(sim, token, "/v3/feeds?feedType=inventory", feed).status()).isEqualTo(429);
    }

    @Test
    void anEndpointsBucketEmptiesWithRateHeadersAndRefillsWithTime() {
        String token = WalmartHttp.accessToken(sim);
        WalmartHttp.Reply first = WalmartHttp.get(sim, token, "/v3/inventory?sku=WM-SKU-00001");
        assertThat(first.header("x-current-token-count")).isNotNull();
        assertThat(first.header("x-next-replenish-time")).isNotNull();
        WalmartHttp.get(sim, token, "/v3/inventory?sku=WM-SKU-00001");
        assertThat(WalmartHttp.get(sim, token, "/v3/inventory?sku=WM-SKU-00001").status()).isEqualTo(429);
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(WalmartHttp.get(sim, token, "/v3/inventory?sku=WM-SKU-00001").status()).isEqualTo(200);
    }

    @Test
    void itemsCarryTheirPublishStatusAndAnInjectedExpiredTokenStaysExpired() {
        String token = WalmartHttp.accessToken(sim);
        JsonNode items = WalmartHttp.get(sim, token, "/v3/items?nextCursor=*&limit=50").json();
        assertThat(items.path("ItemResponse")).hasSize(30);
        assertThat(items.path("ItemResponse").path(9).path("publishedStatus").asText()).isEqualTo("UNPUBLISHED");
        sim.faults().next(WalmartSimulator.GET_ITEMS, Fault.expiredToken());
        assertThat(WalmartHttp.get(sim, token, "/v3/items").status()).isEqualTo(401);
        assertThat(WalmartHttp.get(sim, token, "/v3/items").status()).isEqualTo(401);
    }
}

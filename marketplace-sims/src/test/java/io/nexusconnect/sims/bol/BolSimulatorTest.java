package io.nexusconnect.sims.bol;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.common.SimClock;
import io.nexusconnect.sims.common.faults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BolSimulatorTest {
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final SimClock CLOCK = new SimClock(START);
    private static BolSimulator sim;
    private static String token;

    @BeforeAll
    static void start() {
        sim = BolSimulator.start(BolSimConfig.defaults().withClock(CLOCK).withData(130, 20, 7)
                .withLimit("get-orders", new BolSimConfig.Limit(5, Duration.ofMinutes(1))));
        token = BolHttp.accessToken(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void refillAndClear() {
        CLOCK.advance(Duration.ofMinutes(1));
        sim.faults().clear();
        token = BolHttp.accessToken(sim);
    }

    private BolHttp.Reply get(String path) {
        return BolHttp.call(sim, token, "GET", path, null, BolHttp.V10);
    }

    @Test
    @DisplayName("Given a wrong secret, when a token is asked for, then 401 invalid_client; the right one gets a 299 s bearer token")
    void tokenNeedsTheRightSecret() {
        assertThat(BolHttp.token(sim, "wrong").status()).isEqualTo(401);
        BolHttp.Reply ok = BolHttp.token(sim, BolSimulator.DEMO.clientSecret());
        assertThat(ok.json().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(ok.json().path("expires_in").asLong()).isEqualTo(299);
    }

    @Test
    @DisplayName("Given a call without the v10 media type, then 406; an expired token gets 401")
    void mediaTypeAndTokenAreEnforced() {
        assertThat(BolHttp.call(sim, token, "GET", "/retailer/orders", null, "application/json").status())
                .isEqualTo(406);
        CLOCK.advance(Duration.ofSeconds(300));
        assertThat(get("/retailer/orders").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("Given open FBR and FBB orders, when paged with ALL until an empty page, then every open order comes once")
    void ordersPageUntilEmpty() {
        Set<String> seen = new HashSet<>();
        Set<String> methods = new HashSet<>();
        int page = 1;
        while (true) {
            JsonNode orders = get("/retailer/orders?fulfilment-method=ALL&page=" + page).json().path("orders");
            if (orders.isEmpty()) {
                break;
            }
            assertThat(orders.size()).isLessThanOrEqualTo(50);
            orders.forEach(o -> {
                assertThat(seen.add(o.path("orderId").asText())).isTrue();
                o.path("orderItems").forEach(i -> methods.add(i.path("fulfilmentMethod").asText()));
            });
            page++;
        }
        long open = sim.store().orders().stream().filter(o -> o.items().stream().anyMatch(BolStore.Item::open))
                .count();
        assertThat(seen).hasSize((int) open);
        assertThat(methods).containsExactlyInAnyOrder("FBR", "FBB");
    }

    @Test
    @DisplayName("Given an order with a multi-quantity item, when its detail is read, then totalPrice is quantity × unitPrice minus discounts")
    void detailCarriesPrices() {
        BolStore.Order order = sim.store().orders().stream()
                .filter(o -> o.items().stream().anyMatch(i -> i.discount().signum() > 0)).findFirst().orElseThrow();
        JsonNode detail = get("/retailer/orders/" + order.orderId()).json();
        for (JsonNode item : detail.path("orderItems")) {
            BigDecimal discounts = BigDecimal.ZERO;
            for (JsonNode d : item.path("discounts")) {
                discounts = discounts.add(d.path("amount").decimalValue());
            }
            assertThat(item.path("unitPrice").decimalValue().multiply(BigDecimal.valueOf(item.path("quantity").asInt()))
                    .subtract(discounts)).isEqualByComparingTo(item.path("totalPrice").decimalValue());
            assertThat(item.path("offer").path("reference").asText()).startsWith("SKU-BOL-");
        }
        assertThat(get("/retailer/orders/NOPE").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("Given a stock update, then 202 PENDING, and after the processing time SUCCESS with the stock applied")
    void stockUpdateSucceeds() {
        BolStore.Offer offer = sim.store().offers().iterator().next();
        BolHttp.Reply accepted = BolHttp.call(sim, token, "PUT", "/retailer/offers/" + offer.offerId() + "/stock",
                "{\"amount\":17,\"managedByRetailer\":true}", BolHttp.V10);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().path("status").asText()).isEqualTo("PENDING");
        String id = accepted.json().path("processStatusId").asText();
        assertThat(get("/shared/process-status/" + id).json().path("status").asText()).isEqualTo("PENDING");
        CLOCK.advance(Duration.ofSeconds(3));
        assertThat(get("/shared/process-status/" + id).json().path("status").asText()).isEqualTo("SUCCESS");
        assertThat(sim.store().offer(offer.offerId()).orElseThrow().stock()).isEqualTo(17);
    }

    @Test
    @DisplayName("Given forced FAILURE and TIMEOUT outcomes, then the process status ends so, FAILURE with bol's message, stock untouched")
    void failureAndTimeout() {
        BolStore.Offer offer = sim.store().offers().stream().skip(1).findFirst().orElseThrow();
        sim.store().forceOutcome(offer.offerId(), BolStore.Outcome.FAILURE);
        String failed = BolHttp.call(sim, token, "PUT", "/retailer/offers/" + offer.offerId() + "/stock",
                "{\"amount\":5,\"managedByRetailer\":true}", BolHttp.V10).json().path("processStatusId").asText();
        sim.store().forceOutcome(offer.offerId(), BolStore.Outcome.TIMEOUT);
        String timedOut = BolHttp.call(sim, token, "PUT", "/retailer/offers/" + offer.offerId() + "/stock",
                "{\"amount\":6,\"managedByRetailer\":true}", BolHttp.V10).json().path("processStatusId").asText();
        CLOCK.advance(Duration.ofSeconds(3));
        JsonNode failure = get("/shared/process-status/" + failed).json();
        assertThat(failure.path("status").asText()).isEqualTo("FAILURE");
        assertThat(failure.path("errorMessage").asText()).contains(offer.offerId());
        assertThat(get("/shared/process-status/" + timedOut).json().path("status").asText()).isEqualTo("TIMEOUT");
        JsonNode bulk = BolHttp.call(sim, token, "POST", "/shared/process-status", "{\"processStatusQueries\":["
                + "{\"processStatusId\":\"" + failed + "\"},{\"processStatusId\":\"" + timedOut + "\"}]}",
                BolHttp.V10).json().path("processStatuses");
        assertThat(bulk).extracting(n -> n.path("status").asText()).containsExactly("FAILURE", "TIMEOUT");
        assertThat(sim.store().offer(offer.offerId()).orElseThrow().stock()).isEqualTo(offer.stock());
        assertThat(BolHttp.call(sim, token, "PUT", "/retailer/offers/" + offer.offerId() + "/stock",
                "{\"amount\":1000,\"managedByRetailer\":true}", BolHttp.V10).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("Given an offer export request, when its process status succeeds, then the CSV downloads with the v10 CSV media type")
    void offerExport() {
        JsonNode status = BolHttp.call(sim, token, "POST", "/retailer/offers/export", "{\"format\":\"CSV\"}",
                BolHttp.V10).json();
        CLOCK.advance(Duration.ofSeconds(3));
        assertThat(get("/shared/process-status/" + status.path("processStatusId").asText()).json().path("status")
                .asText()).isEqualTo("SUCCESS");
        String report = "/retailer/offers/export/" + status.path("entityId").asText();
        assertThat(get(report).status()).isEqualTo(406);
        BolHttp.Reply csv = BolHttp.call(sim, token, "GET", report, null, "application/vnd.retailer.v10+csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().count()).isEqualTo(21);
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("offerId,ean,");
    }

    @Test
    @DisplayName("Given get-orders limited to 5 a minute, then the sixth call gets 429 with Retry-After and the limit headers")
    void rateLimit() {
        CLOCK.advance(Duration.ofMinutes(2));
        for (int i = 0; i < 5; i++) {
            assertThat(get("/retailer/orders").status()).isEqualTo(200);
        }
        BolHttp.Reply limited = get("/retailer/orders");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 12L);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    @DisplayName("Given injected faults, then 503, a garbled body and an expired token come back once each")
    void faults() {
        sim.faults().next("get-order", new Fault.ServerError(503));
        String id = sim.store().orders().getFirst().orderId();
        assertThat(get("/retailer/orders/" + id).status()).isEqualTo(503);
        sim.faults().next("get-order", new Fault.MalformedJson());
        assertThat(io.nexusconnect.sims.common.http.Json.parseOrNull(get("/retailer/orders/" + id).body())).isNull();
        sim.faults().next("get-order", new Fault.ExpiredToken());
        assertThat(get("/retailer/orders/" + id).status()).isEqualTo(401);
        assertThat(get("/retailer/orders/" + id).status()).isEqualTo(401);
    }
}

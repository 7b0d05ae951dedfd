package io.nexusconnect.sims.zalando;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.common.SimClock;
import io.nexusconnect.sims.common.faults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ZalandoSimulatorTest {
    private static final SimClock CLOCK = new SimClock(Instant.parse("2026-03-01T12:00:30Z"));
    private static ZalandoSimulator sim;
    private static String orders;

    @BeforeAll
    static void start() {
        sim = ZalandoSimulator.start(ZalandoSimConfig.defaults().withClock(CLOCK).withData(230, 7)
                .withLimits(10_000, 10_000, 3, 1500));
        orders = "/merchants/" + sim.config().merchantId() + "/orders";
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aTokenNeedsTheRightClientSecretAndExpiresAfterItsLifetime() {
        assertThat(ZalandoHttp.token(sim, "wrong").status()).isEqualTo(401);
        ZalandoHttp.Reply ok = ZalandoHttp.token(sim, ZalandoSimulator.DEMO.clientSecret());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("expires_in").asLong()).isEqualTo(7200);
        String token = ok.json().path("access_token").asText();
        assertThat(ZalandoHttp.get(sim, token, "/auth/me").json().path("bpids").path(0).asText())
                .isEqualTo(sim.config().merchantId());
        assertThat(ZalandoHttp.get(sim, null, orders).status()).isEqualTo(401);
    }

    @Test
    void ordersPageByPageNumberWithIncludedItemsAndOneLinePerUnit() {
        String token = ZalandoHttp.accessToken(sim);
        Set<String> seen = new HashSet<>();
        String next = orders + "?include=order_items,order_lines&page_size=100&page_number=0"
                + "&created_before=2030-01-01T00:00:00Z";
        int pages = 0;
        while (next != null) {
            ZalandoHttp.Reply page = ZalandoHttp.get(sim, token, next);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).isEqualTo("application/vnd.api+json");
            pages++;
            Map<String, JsonNode> included = new HashMap<>();
            page.json().path("included").forEach(r -> included.put(r.path("type").asText() + r.path("id").asText(), r));
            for (JsonNode order : page.json().path("data")) {
                assertThat(seen.add(order.path("id").asText())).isTrue();
                BigDecimal sum = BigDecimal.ZERO;
                int lines = 0;
                for (JsonNode itemRef : order.path("relationships").path("order_items").path("data")) {
                    JsonNode item = included.get("OrderItem" + itemRef.path("id").asText());
                    for (JsonNode lineRef : item.path("relationships").path("order_lines").path("data")) {
                        JsonNode line = included.get("OrderLine" + lineRef.path("id").asText());
                        sum = sum.add(line.path("attributes").path("price").path("amount").decimalValue());
                        lines++;
                    }
                }
                assertThat(sum).isEqualByComparingTo(order.path("attributes").path("order_lines_price_amount")
                        .decimalValue());
                assertThat(lines).isEqualTo(order.path("attributes").path("order_lines_count").asInt());
            }
            next = page.json().path("links").path("next").asText(null);
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(230);
        assertThat(pages).isEqualTo((seen.size() + 99) / 100);
        assertThat(sim.store().orders()).anyMatch(o -> o.items.stream().anyMatch(i -> i.lines().size() > 1));
    }

    @Test
    void anExportedOrderLeavesTheUnexportedFilterSoAnOffsetOverTheShrinkingSetSkipsOrders() {
        String token = ZalandoHttp.accessToken(sim);
        String unexported = orders + "?exported=false&order_status=approved&page_size=20&page_number=";
        JsonNode first = ZalandoHttp.get(sim, token, unexported + 0).json().path("data");
        String secondPageHead = ZalandoHttp.get(sim, token, unexported + 1).json().path("data").path(0)
                .path("id").asText();
        for (JsonNode order : first) {
            assertThat(ZalandoHttp.export(sim, token, order.path("id").asText(), "NX" + order.path("attributes")
                    .path("order_number").asText()).status()).isEqualTo(204);
        }
        String exportedId = first.path(0).path("id").asText();
        assertThat(ZalandoHttp.export(sim, token, exportedId, "NXAGAIN").status()).isEqualTo(204);
        assertThat(sim.store().order(exportedId).orElseThrow().exportPatches).isEqualTo(2);
        JsonNode restarted = ZalandoHttp.get(sim, token, unexported + 0).json().path("data");
        assertThat(restarted.path(0).path("id").asText()).isEqualTo(secondPageHead);
        JsonNode advanced = ZalandoHttp.get(sim, token, unexported + 1).json().path("data");
        assertThat(advanced.path(0).path("id").asText()).isNotEqualTo(secondPageHead);
    }

    @Test
    void anExportNeedsTheJsonApiMediaTypeAndAnAlphanumericMerchantOrderId() {
        String token = ZalandoHttp.accessToken(sim);
        String id = sim.store().orders().get(100).id;
        assertThat(ZalandoHttp.export(sim, token, id, "not valid!").status()).isEqualTo(400);
        assertThat(ZalandoHttp.export(sim, token, "00000000-0000-0000-0000-000000000000", "X1").status())
                .isEqualTo(404);
        assertThat(sim.store().order(id).orElseThrow().exported()).isFalse();
    }

    @Test
    void stockAnswersPerItemAndTheMinuteQuotasRefuseWithRetryAfter() {
        String token = ZalandoHttp.accessToken(sim);
        CLOCK.set(Instant.parse("2026-03-01T12:10:00Z"));
        String channel = sim.config().salesChannelId();
        String body = "{\"items\":[{\"sales_channel_id\":\"" + channel + "\",\"ean\":\"4063614512884\",\"quantity\":5},"
                + "{\"sales_channel_id\":\"" + channel + "\",\"ean\":\"4063614512884\",\"quantity\":6},"
                + "{\"sales_channel_id\":\"" + channel + "\",\"ean\":\"12AB\",\"quantity\":1},"
                + "{\"sales_channel_id\":\"" + channel + "\",\"ean\":\"4063614512891\",\"quantity\":-1}]}";
        ZalandoHttp.Reply reply = ZalandoHttp.stocks(sim, token, body);
        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.json().path("items").findValuesAsText("status"))
                .containsExactly("ACCEPTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(sim.store().stock(channel, "4063614512884")).isEqualTo(5);
        StringBuilder big = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 1000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"sales_channel_id\":\"").append(channel).append("\",\"ean\":\"")
                    .append(ZalandoStore.ean(i)).append("\",\"quantity\":1}");
        }
        String thousand = big.append("]}").toString();
        assertThat(ZalandoHttp.stocks(sim, token, thousand).status()).isEqualTo(207);
        ZalandoHttp.Reply overUpdates = ZalandoHttp.stocks(sim, token, thousand);
        assertThat(overUpdates.status()).isEqualTo(429);
        assertThat(overUpdates.header("Retry-After")).isEqualTo("60");
        assertThat(overUpdates.header("X-Rate-Limit")).isEqualTo("1500");
        assertThat(ZalandoHttp.stocks(sim, token, body).status()).isEqualTo(429);
        CLOCK.advance(Duration.ofSeconds(60));
        assertThat(ZalandoHttp.stocks(sim, token, thousand).status()).isEqualTo(207);
    }

    @Test
    void injectedFaultsAnswerAsZdirectWould() {
        String token = ZalandoHttp.accessToken(sim);
        sim.faults().next(ZalandoSimulator.GET_ORDERS, Fault.expiredToken());
        assertThat(ZalandoHttp.get(sim, token, orders).status()).isEqualTo(401);
        assertThat(ZalandoHttp.get(sim, token, orders).status()).isEqualTo(401);
        token = ZalandoHttp.accessToken(sim);
        sim.faults().next(ZalandoSimulator.GET_ORDERS, Fault.rateLimit(Duration.ofSeconds(7)));
        assertThat(ZalandoHttp.get(sim, token, orders).header("Retry-After")).isEqualTo("7");
        sim.faults().next(ZalandoSimulator.GET_ORDERS, Fault.serverError(503));
        assertThat(ZalandoHttp.get(sim, token, orders).status()).isEqualTo(503);
        sim.faults().next(ZalandoSimulator.GET_ORDERS, Fault.malformedJson());
        ZalandoHttp.Reply garbled = ZalandoHttp.get(sim, token, orders);
        assertThat(garbled.status()).isEqualTo(200);
        assertThat(io.nexusconnect.sims.common.http.Json.parseOrNull(garbled.body())).isNull();
        assertThat(ZalandoHttp.get(sim, token, orders).status()).isEqualTo(200);
    }
}

package io.nexusconnect.sims.kaufland;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.common.SimClock;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.kaufland.http.KauflandSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KauflandSimulatorTest {
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final SimClock CLOCK = new SimClock(START);
    private static KauflandSimulator sim;

    @BeforeAll
    static void start() {
        sim = KauflandSimulator.start(KauflandSimConfig.defaults().withClock(CLOCK).withData(120, 40, 7)
                .withRequestsPerSecond(20));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void refillAndClear() {
        CLOCK.advance(Duration.ofSeconds(10));
        sim.faults().clear();
    }

    private long now() {
        return CLOCK.instant().getEpochSecond();
    }

    private KauflandHttp.Reply get(String pathAndQuery) {
        return KauflandHttp.send(sim, "GET", pathAndQuery, null, now());
    }

    @Test
    @DisplayName("Given the documented example request, when signed, then the signature equals the one openssl computes independently")
    void signatureMatchesAnIndependentVector() {
        String secret = "b3575f222f7b768c25160b879699118b331c6883dd6010864b7ead130be77cd5";
        assertThat(KauflandSignature.sign(secret, "GET",
                "https://sellerapi.kaufland.com/v2/products/20574181/?embedded=category,units", new byte[0],
                1411055926L)).isEqualTo("952fce09e26375037110ca10684f1dfa35f9ea0a76ed73a985c0241713154a08");
        assertThat(KauflandSignature.sign(secret, "PATCH", "https://sellerapi.kaufland.com/v2/units/101?storefront=de",
                "{\"amount\":10}".getBytes(StandardCharsets.UTF_8), 1411055926L))
                .isEqualTo("fc55617d525d417567ea5c50ac180f12657841271170e51b8f348eddac5e67b3");
    }

    @Test
    @DisplayName("Given a correctly signed request, when ping is called, then Kaufland's constant message comes back")
    void pingAnswers() {
        KauflandHttp.Reply reply = get("/status/ping");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("data").path("message").asText()).isNotBlank();
    }

    @Test
    @DisplayName("Given a signature over another query string, a stale timestamp, a missing Accept header or an unknown key, when called, then each is refused with Kaufland's problem type")
    void refusesBadAuthentication() {
        String uri = sim.baseUrl() + "/units?storefront=de";
        String signedForOtherQuery = KauflandSignature.sign(KauflandSimulator.DEMO.secretKey(), "GET",
                sim.baseUrl() + "/units?storefront=at", new byte[0], now());
        KauflandHttp.Reply tampered = KauflandHttp.raw(headers(uri, KauflandSimulator.DEMO.clientKey(),
                signedForOtherQuery, true));
        KauflandHttp.Reply stale = KauflandHttp.send(sim, "GET", "/units?storefront=de", null, now() - 600);
        String valid = KauflandSignature.sign(KauflandSimulator.DEMO.secretKey(), "GET", uri, new byte[0], now());
        KauflandHttp.Reply noAccept = KauflandHttp.raw(headers(uri, KauflandSimulator.DEMO.clientKey(), valid, false));
        KauflandHttp.Reply unknownKey = KauflandHttp.raw(headers(uri, "f".repeat(32), valid, true));

        assertThat(tampered.status()).isEqualTo(401);
        assertThat(tampered.type()).isEqualTo("/problems/corrupted-signature");
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().path("errors").path(0).path("field").asText()).isEqualTo("Shop-Timestamp");
        assertThat(noAccept.status()).isEqualTo(400);
        assertThat(noAccept.type()).isEqualTo("/problems/missing-or-invalid-request-header");
        assertThat(unknownKey.status()).isEqualTo(401);
        assertThat(unknownKey.type()).isEqualTo("/problems/invalid-credentials");
    }

    private HttpRequest.Builder headers(String uri, String clientKey, String signature, boolean accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).header("User-Agent", "nexus-test")
                .header("Shop-Client-Key", clientKey).header("Shop-Timestamp", Long.toString(now()))
                .header("Shop-Signature", signature).GET();
        return accept ? builder.header("Accept", "application/json") : builder;
    }

    @Test
    @DisplayName("Given order units of several storefronts, when one storefront is paged by limit and offset, then every unit comes once, grouped by id_order with prices in cents")
    void pagesOrderUnitsOfOneStorefront() {
        Set<Long> seen = new HashSet<>();
        int total = -1;
        for (int offset = 0; total < 0 || offset < total; offset += 25) {
            KauflandHttp.Reply page = get("/order-units?storefront=de&ts_updated_from_iso=2026-01-01T00:00:00Z"
                    + "&sort=ts_updated:desc&limit=25&offset=" + offset);
            assertThat(page.status()).isEqualTo(200);
            total = page.json().path("pagination").path("total").asInt();
            for (JsonNode unit : page.json().path("data")) {
                assertThat(unit.path("storefront").asText()).isEqualTo("DE");
                assertThat(unit.path("price").isIntegralNumber()).isTrue();
                assertThat(unit.path("id_order").asText()).hasSize(7);
                assertThat(seen.add(unit.path("id_order_unit").asLong())).isTrue();
            }
        }
        long expected = sim.store().orderUnits().stream().filter(u -> u.storefront().equals("de")).count();
        assertThat(seen).hasSize((int) expected);
        assertThat(get("/order-units?limit=101").status()).isEqualTo(400);
        assertThat(get("/order-units?storefront=fr").type()).isEqualTo("/problems/storefront-not-configured");
    }

    @Test
    @DisplayName("Given a unit, when its amount is patched singly and in bulk with one unknown unit, then stock changes and the unknown unit alone fails")
    void updatesStockSinglyAndInBulk() {
        List<io.nexusconnect.sims.kaufland.model.Unit> de = sim.store().units().stream()
                .filter(u -> u.storefront().equals("de")).toList();
        long first = de.get(0).idUnit();
        long second = de.get(1).idUnit();

        KauflandHttp.Reply patched = KauflandHttp.send(sim, "PATCH", "/units/" + first + "?storefront=de",
                "{\"amount\":77}", now());
        KauflandHttp.Reply bulk = KauflandHttp.send(sim, "POST", "/units/bulk?storefront=de",
                "[{\"id_unit\":" + second + ",\"unit_data\":{\"amount\":5}},{\"id_unit\":9,\"unit_data\":{\"amount\":1}}]",
                now());
        KauflandHttp.Reply duplicate = KauflandHttp.send(sim, "POST", "/units/bulk?storefront=de",
                "[{\"id_unit\":" + second + ",\"unit_data\":{\"amount\":5}},{\"id_unit\":" + second
                        + ",\"unit_data\":{\"amount\":6}}]", now());

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("data").path("amount").asInt()).isEqualTo(77);
        assertThat(bulk.status()).isEqualTo(207);
        assertThat(bulk.json().path("data").path(0).path("status_code").asInt()).isEqualTo(200);
        assertThat(bulk.json().path("data").path(1).path("status_code").asInt()).isEqualTo(404);
        assertThat(sim.store().unit(second).orElseThrow().amount()).isEqualTo(5);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(KauflandHttp.send(sim, "PATCH", "/units/" + first + "?storefront=de", "{\"amount\":-1}", now())
                .status()).isEqualTo(400);
    }

    @Test
    @DisplayName("Given the seller's rate is spent within one second, when one more request comes, then 429 answers until the clock moves on")
    void throttlesPerSeller() {
        int throttled = 0;
        for (int i = 0; i < 25; i++) {
            if (get("/status/ping").status() == 429) {
                throttled++;
            }
        }
        assertThat(throttled).isEqualTo(5);
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(get("/status/ping").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Given injected 503 and malformed faults, when called, then the fault answers once and the next call is normal")
    void injectsFaults() {
        sim.faults().next("getUnits", Fault.serverError(503));
        sim.faults().next("getUnits", Fault.malformedJson());

        assertThat(get("/units?storefront=de").status()).isEqualTo(503);
        assertThat(get("/units?storefront=de").body()).doesNotEndWith("}");
        assertThat(get("/units?storefront=de").json().path("data").size()).isPositive();
    }
}

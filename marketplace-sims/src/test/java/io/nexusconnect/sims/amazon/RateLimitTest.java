package io.nexusconnect.sims.amazon;

import io.nexusconnect.sims.amazon.models.ModelOperation.UsagePlan;
import io.nexusconnect.sims.amazon.models.SpApiModels;
import io.nexusconnect.sims.common.SimClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.nexusconnect.sims.amazon.SimHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {
    private static final SellerAccount SECOND = new SellerAccount("A2SECONDSELLER", "Second Shop", "ATVPDKIKX0DER",
            "NA", AmazonSimulator.DEMO.lwaClientId(), "Atzr|second-seller-refresh-token");

    @Test
    @DisplayName("Given the bundled models, when their usage plans are read, then they are the documented rates and bursts")
    void usagePlansComeFromTheModels() {
        SpApiModels models = SpApiModels.load();

        Map<String, UsagePlan> documented = Map.of(
                "getOrders", new UsagePlan(0.0167, 20), "getOrder", new UsagePlan(0.5, 30),
                "getOrderItems", new UsagePlan(0.5, 30), "searchListingsItems", new UsagePlan(5, 5),
                "getListingsItem", new UsagePlan(5, 10), "patchListingsItem", new UsagePlan(5, 5),
                "getMarketplaceParticipations", new UsagePlan(0.016, 15), "getAccount", new UsagePlan(0.016, 15));
        documented.forEach((op, plan) -> assertThat(models.usagePlan(op)).as(op).contains(plan));
        assertThat(models.operations()).allMatch(op -> op.usagePlan().isPresent());
    }

    @Test
    @DisplayName("Given a burst of 15, when 16 test-connection calls are made at one instant, then the 16th gets 429 QuotaExceeded and the next token arrives after 1/rate seconds")
    void bucketEmptiesAfterBurstAndRefills() {
        SimClock clock = new SimClock(Instant.parse("2026-03-02T10:00:00Z"));
        try (AmazonSimulator sim = AmazonSimulator.start(AmazonSimConfig.builder().orderCount(1).listingCount(1)
                .clock(clock).build())) {
            String token = SimHttp.demoToken(sim);
            String url = sim.baseUrl() + "/sellers/v1/marketplaceParticipations";
            for (int i = 0; i < 15; i++) {
                assertThat(get(url, token).status()).as("call " + (i + 1)).isEqualTo(200);
            }

            SimHttp.Reply throttled = get(url, token);

            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.error("code")).isEqualTo("QuotaExceeded");
            assertThat(throttled.error("message")).isEqualTo("You exceeded your quota for the requested resource.");
            assertThat(throttled.header("x-amzn-RateLimit-Limit")).isEqualTo("0.016");
            assertThat(throttled.header("x-amzn-RequestId")).isNotBlank();
            assertThat(sim.requestLog().count("getMarketplaceParticipations", 429)).isEqualTo(1);

            clock.advance(Duration.ofMillis(62_500));
            assertThat(get(url, token).status()).isEqualTo(200);
            assertThat(get(url, token).status()).isEqualTo(429);
        }
    }

    @Test
    @DisplayName("Given speedFactor 100, when the bucket is empty, then the header shows 100× the rate and one second refills 1.6 calls")
    void speedFactorMultipliesTheRate() {
        SimClock clock = new SimClock(Instant.parse("2026-03-02T10:00:00Z"));
        try (AmazonSimulator sim = AmazonSimulator.start(AmazonSimConfig.builder().orderCount(1).listingCount(1)
                .clock(clock).speedFactor(100).seller(SECOND).build())) {
            String token = SimHttp.demoToken(sim);
            String url = sim.baseUrl() + "/sellers/v1/marketplaceParticipations";
            for (int i = 0; i < 15; i++) {
                get(url, token);
            }
            SimHttp.Reply throttled = get(url, token);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("x-amzn-RateLimit-Limit")).isEqualTo("1.6");

            String otherSeller = SimHttp.token(sim, AmazonSimulator.DEMO.app(), SECOND.refreshToken());
            assertThat(get(url, otherSeller).status()).as("each seller has its own bucket").isEqualTo(200);

            clock.advance(Duration.ofSeconds(1));
            assertThat(get(url, token).status()).isEqualTo(200);
            assertThat(get(url, token).status()).isEqualTo(429);
        }
    }
}

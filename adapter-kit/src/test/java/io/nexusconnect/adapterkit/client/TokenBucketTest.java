package io.nexusconnect.adapterkit.client;

import io.nexusconnect.adapterkit.testkit.ManualTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TokenBucketTest {
    private final ManualTime time = ManualTime.at("2026-03-01T10:00:00Z");

    @Test
    @DisplayName("A full bucket serves its burst at once, then makes each further caller wait one refill interval more")
    void burstThenRefillInterval() {
        // given getOrderItems' plan: 0.5 requests per second, burst 30
        TokenBucket bucket = new TokenBucket(0.5, 30, 1.0, time);

        // when 32 calls reserve a token without time passing
        for (int i = 0; i < 30; i++) {
            assertThat(bucket.reserve()).isZero();
        }
        Duration thirtyFirst = bucket.reserve();
        Duration thirtySecond = bucket.reserve();

        // then the burst was free and the next two wait 2 s and 4 s
        assertThat(thirtyFirst).isEqualTo(Duration.ofSeconds(2));
        assertThat(thirtySecond).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    @DisplayName("An emptied bucket refills at its rate and never beyond its burst")
    void refillsUpToBurst() {
        // given a bucket of 5 per second, burst 5, that was emptied
        TokenBucket bucket = new TokenBucket(5, 5, 1.0, time);
        for (int i = 0; i < 5; i++) {
            bucket.reserve();
        }

        // when 400 ms pass, and then an hour
        time.advance(Duration.ofMillis(400));
        double afterFourHundredMillis = bucket.availableTokens();
        time.advance(Duration.ofHours(1));

        // then it holds 2 tokens first, and 5 (not 18000) later
        assertThat(afterFourHundredMillis).isCloseTo(2.0, within(1e-9));
        assertThat(bucket.availableTokens()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    @DisplayName("The speed factor makes a sped-up simulator's one-minute refill take a tenth of a second")
    void speedFactorShortensTheWait() {
        // given getOrders' plan (0.0167 rps, burst 20) against a simulator running 600 times faster
        TokenBucket bucket = new TokenBucket(1.0 / 60, 20, 600, time);
        for (int i = 0; i < 20; i++) {
            bucket.reserve();
        }

        // when one more call reserves
        Duration wait = bucket.reserve();

        // then it waits 60 s / 600 = 100 ms
        assertThat(wait.toMillis()).isEqualTo(100);
    }

    @Test
    @DisplayName("A rate announced by the marketplace replaces the documented one, and a 429 empties the bucket")
    void dynamicRateAndDrain() {
        // given a bucket of 5 per second with tokens left
        TokenBucket bucket = new TokenBucket(5, 5, 1.0, time);

        // when the marketplace says the rate in force is 1 per second and then throttles us
        bucket.updateRate(1.0);
        bucket.drain();

        // then the next call waits a full second at the new rate
        assertThat(bucket.ratePerSecond()).isEqualTo(1.0);
        assertThat(bucket.reserve()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("Under a speed factor the documented rate is sped up, but a rate the marketplace announces is taken as it is")
    void announcedRateIsRealTime() {
        // given getOrderItems (0.5 rps) against a simulator 200 times faster
        TokenBucket bucket = new TokenBucket(0.5, 30, 200, time);
        assertThat(bucket.ratePerSecond()).isEqualTo(100.0);

        // when the simulator announces the rate it enforces, 100 per real second
        bucket.updateRate(100.0);

        // then the bucket refills at 100 per second, not 200 times that
        assertThat(bucket.ratePerSecond()).isEqualTo(100.0);
    }
}

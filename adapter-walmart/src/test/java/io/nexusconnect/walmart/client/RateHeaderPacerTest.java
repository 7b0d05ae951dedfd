package io.nexusconnect.walmart.client;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.testkit.ManualTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateHeaderPacerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static MarketplaceResponse answer(Map<String, List<String>> headers) {
        return new MarketplaceResponse("getAllOrders", 200, headers, "{}", null, null, 1);
    }

    @Test
    @DisplayName("Given an empty bucket with a replenish time in either spelling and any case, when read, then calls wait until then")
    void emptyBucketWaitsForReplenish() {
        long at = NOW.plusSeconds(3).toEpochMilli();
        assertThat(RateHeaderPacer.emptyUntil(answer(Map.of("X-Current-Token-Count", List.of("0"),
                "x-next-replenish-time", List.of(Long.toString(at)))), NOW)).contains(Instant.ofEpochMilli(at));
        assertThat(RateHeaderPacer.emptyUntil(answer(Map.of("x-current-token-count", List.of("0"),
                "X-Next-Replenishment-Time", List.of(Long.toString(at)))), NOW)).contains(Instant.ofEpochMilli(at));
    }

    @Test
    @DisplayName("Given tokens left, no headers, or a replenish time an hour away, when read, then there is no wait or it is capped at five minutes")
    void noWaitOrCapped() {
        assertThat(RateHeaderPacer.emptyUntil(answer(Map.of("x-current-token-count", List.of("4"),
                "x-next-replenish-time", List.of("1"))), NOW)).isEmpty();
        assertThat(RateHeaderPacer.emptyUntil(answer(Map.of()), NOW)).isEmpty();
        assertThat(RateHeaderPacer.emptyUntil(answer(Map.of("x-current-token-count", List.of("0"),
                "x-next-replenish-time", List.of(Long.toString(NOW.plusSeconds(3600).toEpochMilli())))), NOW))
                .contains(NOW.plusSeconds(300));
    }

    @Test
    @DisplayName("Given an answer saying the bucket is empty for two seconds, when the next call of that operation waits its turn, then the manual clock moved two seconds")
    void pacesTheNextCall() {
        ManualTime time = new ManualTime(NOW);
        RateHeaderPacer pacer = new RateHeaderPacer(time, time);
        pacer.observe("account", "getAllOrders", answer(Map.of("x-current-token-count", List.of("0"),
                "x-next-replenish-time", List.of(Long.toString(NOW.plusSeconds(2).toEpochMilli())))));

        pacer.awaitTurn("account", "acknowledgeOrders");
        assertThat(time.instant()).isEqualTo(NOW);
        pacer.awaitTurn("account", "getAllOrders");
        assertThat(time.instant()).isEqualTo(NOW.plusSeconds(2));
    }
}

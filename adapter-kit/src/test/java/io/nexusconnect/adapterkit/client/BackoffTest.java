package io.nexusconnect.adapterkit.client;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    @DisplayName("Full jitter keeps every delay between zero and an exponential ceiling capped at the maximum")
    void jitterIsBounded() {
        // given a base of 1 s and a cap of 30 s
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(42));

        for (int retry = 1; retry <= 12; retry++) {
            // when the delay of this retry is drawn 200 times
            Duration ceiling = backoff.ceiling(retry);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                Duration delay = backoff.delay(retry);
                // then each lies in [0, ceiling]
                assertThat(delay).isBetween(Duration.ZERO, ceiling);
                seen.add(delay.toMillis());
            }
            // and the draws are spread, not a fixed value
            assertThat(seen.size()).isGreaterThan(100);
        }
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.ceiling(12)).isEqualTo(Duration.ofSeconds(30));
    }
}

package io.nexusconnect.gateway.ratelimit;

import io.nexusconnect.gateway.support.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    final TestClock clock = new TestClock();
    final RateLimiter limiter = new RateLimiter(clock, 10, 5);

    @Test
    @DisplayName("A connection gets its burst, then waits for the refill; another connection is not affected")
    void burstThenRefill() {
        UUID busy = UUID.randomUUID();
        long granted = IntStream.range(0, 8).filter(i -> limiter.tryAcquire(busy)).count();

        assertThat(granted).isEqualTo(5);
        assertThat(limiter.tryAcquire(UUID.randomUUID())).isTrue();

        clock.advance(Duration.ofMillis(100));
        assertThat(limiter.tryAcquire(busy)).isTrue();
        assertThat(limiter.tryAcquire(busy)).isFalse();
    }
}

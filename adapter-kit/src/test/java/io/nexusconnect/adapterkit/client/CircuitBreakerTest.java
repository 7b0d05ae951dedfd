package io.nexusconnect.adapterkit.client;

import io.nexusconnect.adapterkit.testkit.ManualTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {
    private final ManualTime time = ManualTime.at("2026-03-01T10:00:00Z");
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), time);

    @Test
    @DisplayName("Three failures in a row open the circuit, which lets one trial through after 30 s and closes on its success")
    void opensThenHalfOpensThenCloses() {
        // given three consecutive failures
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }

        // then calls are refused while open
        assertThat(breaker.state()).isInstanceOf(CircuitBreaker.Open.class);
        assertThat(breaker.tryAcquire()).isFalse();

        // when 30 s pass, one trial goes through and a second caller is still refused
        time.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isInstanceOf(CircuitBreaker.HalfOpen.class);
        assertThat(breaker.tryAcquire()).isFalse();

        // and the trial's success closes the circuit
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(new CircuitBreaker.Closed(0));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    @DisplayName("A failed half-open trial opens the circuit for another full period")
    void failedTrialReopens() {
        // given an open circuit whose period has passed
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        time.advance(Duration.ofSeconds(31));

        // when the trial fails
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();

        // then it is open again for 30 s
        assertThat(breaker.tryAcquire()).isFalse();
        time.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isFalse();
        time.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    @DisplayName("A success between failures resets the count, so scattered errors never open the circuit")
    void successResetsCount() {
        // given failures interleaved with successes
        for (int i = 0; i < 10; i++) {
            breaker.onFailure();
            breaker.onFailure();
            breaker.onSuccess();
        }

        // then the circuit stays closed
        assertThat(breaker.state()).isEqualTo(new CircuitBreaker.Closed(0));
    }
}

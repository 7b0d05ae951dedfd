package io.nexusconnect.zalando.stock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MinuteBudgetTest {
    @Test
    void twoThousandUpdatesFitInAMinuteAndTheNextBatchWaitsForTheNextMinute() {
        MinuteBudget budget = new MinuteBudget(2000);
        Instant t = Instant.parse("2026-03-01T12:00:15Z");

        assertThat(budget.take(1000, t)).isZero();
        assertThat(budget.take(1000, t.plusSeconds(1))).isZero();
        assertThat(budget.take(1, t.plusSeconds(2))).isEqualTo(Duration.ofSeconds(43));
        assertThat(budget.take(1000, Instant.parse("2026-03-01T12:01:00Z"))).isZero();
    }

    @Test
    void aBatchLargerThanTheAllowanceStillGoesAloneInAFreshMinute() {
        MinuteBudget budget = new MinuteBudget(500);

        assertThat(budget.take(1000, Instant.parse("2026-03-01T12:00:00Z"))).isZero();
    }
}

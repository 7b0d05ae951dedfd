package io.nexusconnect.shopify.client;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CostPacerTest {
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    @DisplayName("Before any answer the documented Standard bucket is assumed: a 1000-point query goes at once")
    void initial() {
        CostPacer pacer = new CostPacer(2000, 100);
        assertThat(pacer.waitBefore("shop", 1000, T0)).isZero();
    }

    @Test
    @DisplayName("After a THROTTLED status of 10 available, a 510-point query waits exactly 5 s at 100 points/s")
    void waitFromRestoreRate() {
        CostPacer pacer = new CostPacer(2000, 100);
        pacer.observe("shop", new CostPacer.ThrottleStatus(2000, 10, 100), 510, T0);
        assertThat(pacer.waitBefore("shop", 510, T0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(pacer.waitBefore("shop", 510, T0.plusSeconds(5))).isZero();
        assertThat(pacer.waitBefore("other-shop", 510, T0)).isZero();
    }

    @Test
    @DisplayName("The bucket never restores above its maximum, and the reported restore rate replaces the assumed one")
    void capsAndRate() {
        CostPacer pacer = new CostPacer(2000, 100);
        pacer.observe("shop", new CostPacer.ThrottleStatus(4000, 0, 200), 0, T0);
        assertThat(pacer.available("shop", T0.plusSeconds(3600))).isEqualTo(4000);
        assertThat(pacer.waitBefore("shop", 1000, T0)).isEqualTo(Duration.ofSeconds(5));
    }
}

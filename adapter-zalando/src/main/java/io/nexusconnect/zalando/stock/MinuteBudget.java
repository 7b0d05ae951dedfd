package io.nexusconnect.zalando.stock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * zDirect's stock-update allowance: so many updates per calendar minute, and once used, none until the next minute
 * starts (BEHAVIOR.md). Pure: the caller passes the time and does the waiting.
 */
final class MinuteBudget {
    private final int perMinute;
    private Instant minute = Instant.EPOCH;
    private int used;

    MinuteBudget(int perMinute) {
        this.perMinute = Math.max(1, perMinute);
    }

    /** Takes {@code units} now and answers zero, or answers how long to wait before they fit. */
    synchronized Duration take(int units, Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        if (!current.equals(minute)) {
            minute = current;
            used = 0;
        }
        if (used + units <= perMinute || used == 0) {
            used += units;
            return Duration.ZERO;
        }
        return Duration.between(now, current.plusSeconds(60));
    }

    int perMinute() {
        return perMinute;
    }
}

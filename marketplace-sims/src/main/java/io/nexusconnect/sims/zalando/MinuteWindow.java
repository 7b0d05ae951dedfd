package io.nexusconnect.sims.zalando;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A per-minute quota as zDirect documents it: once the minute's allowance is used, calls are refused until the
 * next minute starts (not a sliding refill). Time comes from the simulator's clock.
 */
final class MinuteWindow {
    private final Clock clock;
    private final int perMinute;
    private Instant minute = Instant.EPOCH;
    private int used;

    MinuteWindow(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Takes {@code units} of this minute's allowance, or none when they do not fit. */
    synchronized boolean tryTake(int units) {
        roll();
        if (used + units > perMinute) {
            return false;
        }
        used += units;
        return true;
    }

    synchronized long secondsToNextMinute() {
        Instant now = clock.instant();
        return Math.max(1, Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60))
                .toSeconds());
    }

    synchronized int remaining() {
        roll();
        return perMinute - used;
    }

    int limit() {
        return perMinute;
    }

    private void roll() {
        Instant current = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (!current.equals(minute)) {
            minute = current;
            used = 0;
        }
    }
}

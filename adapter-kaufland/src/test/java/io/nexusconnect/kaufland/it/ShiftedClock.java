package io.nexusconnect.kaufland.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock moved by a settable offset: the simulator's clock in tests that need Kaufland's clock to differ. */
final class ShiftedClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void shift(Duration value) {
        offset = value;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}

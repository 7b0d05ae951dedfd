package io.nexusconnect.sims.amazon.http;

import java.time.Duration;
import java.time.Instant;

/**
 * The processing timeline feeds and reports share: {@code IN_QUEUE} for the first quarter of the processing delay,
 * {@code IN_PROGRESS} until it has passed, then the outcome once processed (lazily, on the first read after that).
 */
public final class Processing {
    public static final String IN_QUEUE = "IN_QUEUE";
    public static final String IN_PROGRESS = "IN_PROGRESS";

    private Processing() {
    }

    /** When processing starts, for a document created at {@code created} that is done after {@code delay}. */
    public static Instant startAt(Instant created, Duration delay) {
        return created.plus(delay.dividedBy(4));
    }

    public static String status(Instant now, Instant startAt, String outcome) {
        if (outcome != null) {
            return outcome;
        }
        return now.isBefore(startAt) ? IN_QUEUE : IN_PROGRESS;
    }

    /** Whether it is time to process: not processed yet, and the delay has passed. */
    public static boolean due(Instant now, Instant doneAt, String outcome) {
        return outcome == null && !now.isBefore(doneAt);
    }
}

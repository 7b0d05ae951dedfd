package io.nexusconnect.orchestrator.kafka;

import org.jboss.logging.Logger;

import java.time.Duration;

/** What the scheduling and the stock member share about their loop thread and their Kafka clients. */
final class MemberLifecycle {
    private static final Logger LOG = Logger.getLogger(MemberLifecycle.class);
    private static final Duration STEP_GRACE = Duration.ofSeconds(10);

    private MemberLifecycle() {
    }

    /**
     * Waits for a woken-up loop thread to end: a step in progress finishes and the consumer leaves its group; a loop
     * stuck waiting for an unreachable broker (opening its clients) is interrupted instead.
     */
    static void awaitEnd(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            if (!thread.join(STEP_GRACE)) {
                thread.interrupt();
                thread.join(STEP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes each client that is there; a failure to close is of no interest beyond a debug line. */
    static void closeQuietly(String owner, AutoCloseable... clients) {
        for (AutoCloseable client : clients) {
            if (client == null) {
                continue;
            }
            try {
                client.close();
            } catch (Exception e) {
                LOG.debugf("closing a Kafka client of %s: %s", owner, e.getMessage());
            }
        }
    }
}

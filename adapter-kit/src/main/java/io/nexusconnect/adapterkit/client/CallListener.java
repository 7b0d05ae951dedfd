package io.nexusconnect.adapterkit.client;

import java.time.Duration;

/**
 * What the client tells about its calls, for metrics: each call's outcome once it is over (after its retries), every
 * 429 answer, and every wait for the operation's own token bucket.
 */
public interface CallListener {
    CallListener NONE = new CallListener() {
    };

    /** Outcomes of a whole call, as metric tag values. */
    enum Outcome {
        SUCCESS, CLIENT_ERROR, THROTTLED, SERVER_ERROR, UNREACHABLE, CIRCUIT_OPEN;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Outcome ofStatus(int status) {
            if (status >= 200 && status < 300) {
                return SUCCESS;
            }
            return status == 429 ? THROTTLED : status >= 500 ? SERVER_ERROR : CLIENT_ERROR;
        }
    }

    default void callCompleted(String operation, Outcome outcome, int attempts, Duration took) {
    }

    default void throttled(String operation) {
    }

    default void rateLimiterWaited(String operation, Duration waited) {
    }

    /** Makes the listener of one API's client. */
    @FunctionalInterface
    interface Factory {
        Factory NONE = (marketplace, api) -> CallListener.NONE;

        CallListener forApi(String marketplace, String api);
    }
}

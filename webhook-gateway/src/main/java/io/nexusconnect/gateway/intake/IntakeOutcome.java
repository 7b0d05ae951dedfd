package io.nexusconnect.gateway.intake;

import java.time.Duration;
import java.util.UUID;

/** How one delivery was answered. */
public sealed interface IntakeOutcome {

    /** Durable on the webhook topic. */
    record Accepted(UUID webhookId, boolean paused) implements IntakeOutcome {
    }

    /** The same marketplace event is already durable: acknowledged, nothing published. */
    record Duplicate(String eventId) implements IntakeOutcome {
    }

    /**
     * Not accepted; nothing was published. {@code detail} is safe to show (no secret, no hint which of "unknown
     * connection" or "other marketplace" applied).
     */
    record Refused(int status, String title, String detail, Duration retryAfter) implements IntakeOutcome {
        static Refused notFound() {
            return new Refused(404, "Not Found", "No webhook endpoint at this address.", null);
        }

        static Refused unauthorized(String detail) {
            return new Refused(401, "Unauthorized", detail, null);
        }

        static Refused unavailable(String detail) {
            return new Refused(503, "Service Unavailable", detail, Duration.ofSeconds(5));
        }
    }
}

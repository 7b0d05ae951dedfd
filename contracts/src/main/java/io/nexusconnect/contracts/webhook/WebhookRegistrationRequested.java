package io.nexusconnect.contracts.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Asks the adapter of a marketplace that can push to register (or remove) a connection's webhooks with the
 * marketplace. Recorded by connection-service in the same transaction as the change that needs it (outbox), on
 * {@code nexus.webhook-registrations.v1}, keyed by connection id. The adapter answers with {@link WebhookEndpoints}.
 *
 * <p>The snapshot carries the sealed credentials as of the change (for {@code UNREGISTER} the last ones the
 * connection had before it was removed), so the adapter needs no state of its own. Registering is idempotent: the
 * adapter reconciles what the marketplace has for the connection's callback address with what it should have.
 *
 * @param connection the connection as of the change, credentials sealed (webhook secrets nexus generated included)
 */
public record WebhookRegistrationRequested(
        UUID requestId,
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        Action action,
        Reason reason,
        ConnectionSnapshot connection,
        Instant requestedAt) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.webhook.registration-requested.v1";

    /** What the adapter should make true at the marketplace. */
    public enum Action {
        /** every topic nexus needs pushes to the connection's current callback address, and nothing else of it */
        REGISTER,
        /** nothing pushes to the connection's callback addresses any more */
        UNREGISTER;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Action of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** Why: shown in the connection's history of registrations. */
    public enum Reason {
        CREATED, RECONNECTED, CREDENTIALS_CHANGED, SECRET_ROTATED, REQUESTED, REMOVED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static Reason of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return connectionId.toString();
    }
}

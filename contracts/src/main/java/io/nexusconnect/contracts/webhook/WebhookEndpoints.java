package io.nexusconnect.contracts.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a marketplace pushes for one connection, as its adapter last found and left it: the answer to a
 * {@link WebhookRegistrationRequested}, on the compacted {@code nexus.webhook-endpoints.v1} keyed by connection id.
 * connection-service shows it as the connection's "Webhook Registration".
 *
 * @param requestId the request this answers
 * @param endpoints the subscriptions at the marketplace pointing at nexus (empty once unregistered)
 * @param errorCode why registering failed (with {@code message}); null unless {@code state} is {@code failed}
 */
public record WebhookEndpoints(
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        UUID requestId,
        State state,
        List<Endpoint> endpoints,
        ErrorCode errorCode,
        String message,
        Instant changedAt) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.webhook.endpoints.v1";

    public WebhookEndpoints {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    public enum State {
        REGISTERED, UNREGISTERED, FAILED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static State of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One subscription at the marketplace.
     *
     * @param topic       the marketplace's topic ({@code ORDERS_CREATE}, {@code ORDER_CONFIRMATION}, ...)
     * @param callbackUrl where it pushes, any secret path token masked
     * @param externalId  the marketplace's id of the subscription, when it gives one
     * @param status      the marketplace's word for its state ({@code ENABLED}, ...), when it gives one
     */
    public record Endpoint(String topic, String callbackUrl, String externalId, String status) {
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

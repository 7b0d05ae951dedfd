package io.nexusconnect.connectionservice.webhook;

import io.nexusconnect.connectionservice.connection.ConnectionView.StatusErrorView;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.ErrorCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The connection's "Webhook Registration": what the marketplace pushes to nexus for it, as the adapter last reported,
 * and the facts of its webhook secret. No secret value is part of it; addresses are masked.
 */
@Schema(name = "WebhookRegistration")
public record WebhookRegistrationView(
        @Schema(enumeration = {"pending", "registered", "failed", "unregistered", "not-supported"},
                description = "pending until the adapter's first answer; not-supported for marketplaces nexus does "
                        + "not register webhooks with (they are polled)") String state,
        @Schema(description = "the subscriptions at the marketplace pointing at nexus") List<EndpointView> endpoints,
        @Schema(description = "why registering failed (state failed)") StatusErrorView error,
        @Schema(description = "when the adapter's last answer was made") Instant updatedAt,
        @Schema(description = "the last request to register or remove the webhooks") RequestView lastRequest,
        @Schema(description = "the webhook secret's rotation; null when no secret verifies this marketplace's webhooks")
        SecretView secret) {

    public static final String PENDING = "pending";
    public static final String NOT_SUPPORTED = "not-supported";

    @Schema(name = "WebhookEndpoint")
    public record EndpointView(String topic, @Schema(description = "path tokens masked") String callbackUrl,
                               @Schema(description = "the marketplace's word for it (ENABLED, ...)") String status) {
    }

    @Schema(name = "WebhookRegistrationRequest")
    public record RequestView(UUID requestId, @Schema(enumeration = {"register", "unregister"}) String action,
                              @Schema(enumeration = {"created", "reconnected", "credentials-changed", "secret-rotated",
                                      "requested", "removed"}) String reason,
                              Instant requestedAt,
                              @Schema(description = "the adapter answered this request") boolean answered) {
    }

    @Schema(name = "WebhookSecret")
    public record SecretView(@Schema(description = "the credential field holding it") String field,
                             @Schema(description = "true: nexus generates and rotates it; false: the marketplace does "
                                     + "(Shopify's API secret key)") boolean managedByNexus,
                             Instant rotatedAt,
                             @Schema(description = "until when the previous secret still verifies") Instant overlapUntil,
                             @Schema(description = "when nexus rotates it next (the tenant's webhookSecretRotation)")
                             Instant nextRotationAt) {
    }

    public static WebhookRegistrationView of(Marketplace marketplace, WebhookRegistrationEntity row, SecretView secret) {
        if (!marketplace.registersWebhooks()) {
            return new WebhookRegistrationView(NOT_SUPPORTED, List.of(), null, null, null, secret);
        }
        RequestView request = row == null || row.requestedId == null ? null : new RequestView(row.requestedId,
                row.requestedAction, row.requestedReason, row.requestedAt, row.requestedId.equals(row.answeredId));
        if (row == null || row.state == null) {
            return new WebhookRegistrationView(PENDING, List.of(), null, null, request, secret);
        }
        List<EndpointView> endpoints = row.endpointList().stream()
                .map(e -> new EndpointView(e.get("topic"), CallbackUrls.masked(e.get("callbackUrl")), e.get("status")))
                .toList();
        return new WebhookRegistrationView(row.state, endpoints, error(row), row.changedAt, request, secret);
    }

    private static StatusErrorView error(WebhookRegistrationEntity row) {
        if (row.errorCode == null && row.message == null) {
            return null;
        }
        try {
            ErrorCode code = ErrorCode.of(row.errorCode);
            return new StatusErrorView(code.json(), code.title(), row.message, code.resolution(), code.cause());
        } catch (RuntimeException e) {
            // a code newer than this service (or none): shown without title and resolution rather than failing the page
            return new StatusErrorView(row.errorCode, null, row.message, null);
        }
    }
}

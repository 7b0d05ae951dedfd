package io.nexusconnect.connectionservice.connection;

import io.nexusconnect.connectionservice.stats.QuickStats;
import io.nexusconnect.connectionservice.webhook.WebhookRegistrationView;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.sync.ErrorCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A connection card as the API returns it: credentials masked, status as last reported by the orchestrator. */
@Schema(name = "Connection")
public record ConnectionView(
        UUID id,
        String marketplace,
        String label,
        @Schema(description = "free text telling accounts of one marketplace apart") String description,
        @Schema(description = "the marketplace account: Amazon selling partner id, Shopify shop domain, ...") String accountId,
        @Schema(description = "account identifier of the card: the shop domain, or the seller name the last passed "
                + "Test Connection / Reconnect reported") String accountName,
        @Schema(description = "the non-secret fields of the credential form") Map<String, String> properties,
        @Schema(description = "the secret fields, masked (****WXYZ)") Map<String, String> credentials,
        @Schema(enumeration = {"active", "paused"}) String state,
        @Schema(enumeration = {"pending", "active", "error", "rate_limited"}) String status,
        @Schema(enumeration = {"unknown", "healthy", "degraded", "unhealthy"}) String health,
        StatusErrorView error,
        Instant lastSyncAt,
        UUID lastSyncId,
        Instant nextSyncAt,
        Instant rateLimitedUntil,
        ConnectionSettings settings,
        @Schema(description = "the currency shown: the override of the settings, else the marketplace default (null when "
                + "only the marketplace knows it, e.g. a Shopify shop)") String currency,
        @Schema(description = "products synced, orders today") QuickStats stats,
        @Schema(description = "the product page's \"Webhook Registration\": endpoints at the marketplace, their state, "
                + "and the webhook secret's rotation") WebhookRegistrationView webhookRegistration,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "set on removed connections (listed with ?removed=true)") Instant removedAt) {

    @Schema(name = "StatusError", description = "inline error summary of a card in error")
    public record StatusErrorView(String code, String title, String message, String resolution,
                                  @Schema(description = "the cause column of the error diagnostics table") String cause) {
        public StatusErrorView(String code, String title, String message, String resolution) {
            this(code, title, message, resolution, null);
        }
    }

    public static ConnectionView of(ConnectionEntity c, QuickStats stats, WebhookRegistrationView webhookRegistration) {
        String currency = c.settings.currency() != null ? c.settings.currency()
                : Accounts.defaultCurrency(Marketplace.of(c.marketplace), c.properties);
        return new ConnectionView(c.id, c.marketplace, c.label, c.description, c.accountId, c.accountName, c.properties,
                c.credentialsMasked, c.state, c.status, c.health, error(c), c.lastSyncAt, c.lastSyncId, c.nextSyncAt,
                c.rateLimitedUntil, c.settings, currency, stats == null ? QuickStats.NONE : stats, webhookRegistration, c.version, c.createdAt,
                c.updatedAt, c.removedAt);
    }

    private static StatusErrorView error(ConnectionEntity c) {
        if (c.statusErrorCode == null) {
            return null;
        }
        ErrorCode code;
        try {
            code = ErrorCode.of(c.statusErrorCode);
        } catch (IllegalArgumentException e) {
            // a code newer than this service: show it without title and resolution rather than fail the page
            return new StatusErrorView(c.statusErrorCode, null, c.statusErrorMessage, null);
        }
        return new StatusErrorView(code.json(), code.title(), c.statusErrorMessage, code.resolution(), code.cause());
    }
}

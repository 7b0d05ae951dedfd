package io.nexusconnect.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The marketplaces nexus-connect connects to. Adding an eighth one means a constant here, its credential schema in
 * {@link io.nexusconnect.contracts.connection.CredentialSchemas}, and a new adapter module.
 */
public enum Marketplace {
    // stock batch limits: the items one bulk call takes (reference §stock update), capped at 100 per SetStock so a
    // command stays small on Kafka; bol.com v10 has no bulk stock endpoint, so its commands carry one SKU each
    // webhook registration: whether nexus registers push subscriptions through the marketplace's API (Amazon pushes
    // through SQS/EventBridge and Zalando documents no HTTP push: both are polled only)
    AMAZON("amazon", "Amazon", 100, false),
    EBAY("ebay", "eBay", 25, true),
    WALMART("walmart", "Walmart", 100, true),
    SHOPIFY("shopify", "Shopify", 100, true),
    BOL("bol", "Bol.com", 1, true),
    ZALANDO("zalando", "Zalando", 100, false),
    KAUFLAND("kaufland", "Kaufland", 100, true);

    private final String id;
    private final String displayName;
    private final int stockBatchLimit;
    private final boolean registersWebhooks;

    Marketplace(String id, String displayName, int stockBatchLimit, boolean registersWebhooks) {
        this.id = id;
        this.displayName = displayName;
        this.stockBatchLimit = stockBatchLimit;
        this.registersWebhooks = registersWebhooks;
    }

    /**
     * Whether nexus registers this marketplace's webhooks through its API when a connection is set up (and removes
     * them with the connection): connection-service then asks the adapter on {@link Topics#WEBHOOK_REGISTRATIONS}.
     */
    public boolean registersWebhooks() {
        return registersWebhooks;
    }

    /** Lower-case id used in topic names, URLs and JSON. */
    @JsonValue
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether stock commands for this marketplace are batched into one bulk call. */
    public boolean hasBulkStockEndpoint() {
        return stockBatchLimit > 1;
    }

    /** The most SKUs one SetStock for this marketplace carries: what its bulk endpoint takes in one call. */
    public int stockBatchLimit() {
        return stockBatchLimit;
    }

    public String syncRequestTopic() {
        return Topics.syncRequests(this);
    }

    public String stockCommandTopic() {
        return Topics.stockCommands(this);
    }

    public String webhookTopic() {
        return Topics.webhooks(this);
    }

    public static Optional<Marketplace> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(m -> m.id.equalsIgnoreCase(id.trim())).findFirst();
    }

    @JsonCreator
    public static Marketplace of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown marketplace: " + id));
    }
}

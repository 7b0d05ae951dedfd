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
    AMAZON("amazon", "Amazon", 100),
    EBAY("ebay", "eBay", 25),
    WALMART("walmart", "Walmart", 100),
    SHOPIFY("shopify", "Shopify", 100),
    BOL("bol", "Bol.com", 1),
    ZALANDO("zalando", "Zalando", 100),
    KAUFLAND("kaufland", "Kaufland", 100);

    private final String id;
    private final String displayName;
    private final int stockBatchLimit;

    Marketplace(String id, String displayName, int stockBatchLimit) {
        this.id = id;
        this.displayName = displayName;
        this.stockBatchLimit = stockBatchLimit;
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

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
    AMAZON("amazon", "Amazon", true),
    EBAY("ebay", "eBay", true),
    WALMART("walmart", "Walmart", true),
    SHOPIFY("shopify", "Shopify", true),
    BOL("bol", "Bol.com", true),
    ZALANDO("zalando", "Zalando", true),
    KAUFLAND("kaufland", "Kaufland", true);

    private final String id;
    private final String displayName;
    private final boolean bulkStockEndpoint;

    Marketplace(String id, String displayName, boolean bulkStockEndpoint) {
        this.id = id;
        this.displayName = displayName;
        this.bulkStockEndpoint = bulkStockEndpoint;
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
        return bulkStockEndpoint;
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

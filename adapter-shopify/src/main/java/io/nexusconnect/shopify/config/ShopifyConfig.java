package io.nexusconnect.shopify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the adapter talks to Shopify. The host is the connection's shop domain, accepted only when it matches
 * {@code shop-domain-pattern}; {@code endpoint-override} (simulators only) replaces {@code https://{shop}}.
 */
@ConfigMapping(prefix = "nexus.shopify")
public interface ShopifyConfig {
    /** The pinned Admin API version (BEHAVIOR.md: released 2026-10-01, supported until at least 2027-10-01). */
    @WithName("api-version")
    @WithDefault("2026-10")
    String apiVersion();

    /** The allow-list of shop hosts. */
    @WithName("shop-domain-pattern")
    @WithDefault("[a-z0-9][a-z0-9-]{0,60}\\.myshopify\\.com")
    String shopDomainPattern();

    @WithName("endpoint-override")
    Optional<String> endpointOverride();

    Cost cost();

    Orders orders();

    Products products();

    Stock stock();

    Webhooks webhooks();

    interface Cost {
        /** Shopify refuses a query whose requested cost is above this (MAX_COST_EXCEEDED); queries are planned below. */
        @WithName("max-single-query-cost")
        @WithDefault("1000")
        int maxSingleQueryCost();

        /** Assumed until the first answer reports the real throttle status (Standard plan). */
        @WithName("initial-maximum-available")
        @WithDefault("2000")
        double initialMaximumAvailable();

        @WithName("initial-restore-rate")
        @WithDefault("100")
        double initialRestoreRate();

        /** THROTTLED answers of one call before the step fails as rate_limited. */
        @WithName("max-throttled-attempts")
        @WithDefault("5")
        int maxThrottledAttempts();
    }

    interface Orders {
        /** Line items fetched with each order; an order with more lines gets its remaining lines by order(id:). */
        @WithName("lines-per-order")
        @WithDefault("5")
        int linesPerOrder();
    }

    interface Products {
        /** Variants fetched with each product; more are read by product(id:). */
        @WithName("variants-per-product")
        @WithDefault("10")
        int variantsPerProduct();

        /** A first (or full) products sync of more products than this runs as a bulk operation. */
        @WithName("bulk-threshold")
        @WithDefault("200")
        int bulkThreshold();

        @WithName("bulk-poll-interval")
        @WithDefault("PT2S")
        Duration bulkPollInterval();

        @WithName("bulk-max-wait")
        @WithDefault("PT20M")
        Duration bulkMaxWait();
    }

    interface Stock {
        /** Quantities per inventorySetQuantities call. */
        @WithName("batch-size")
        @WithDefault("100")
        int batchSize();

        /** SKUs per productVariants lookup ({@code sku:… OR sku:…}); capped so the query stays within the cost limit. */
        @WithName("lookup-batch-size")
        @WithDefault("100")
        int lookupBatchSize();
    }

    interface Webhooks {
        /**
         * The WebhookSubscriptionTopic values registered for every connection (BEHAVIOR.md: orders from the payload,
         * app/uninstalled and products/update as a cycle).
         */
        @WithName("topics")
        @WithDefault("ORDERS_CREATE,ORDERS_UPDATED,APP_UNINSTALLED,PRODUCTS_UPDATE")
        List<String> topics();
    }
}

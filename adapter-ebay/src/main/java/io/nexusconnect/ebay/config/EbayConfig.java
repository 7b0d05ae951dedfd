package io.nexusconnect.ebay.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Where and how the adapter talks to eBay. Hosts come only from here, never from a connection, so a connection cannot
 * point the adapter (and its credentials) at another host. Uncertain values (BEHAVIOR.md) are settings.
 */
@ConfigMapping(prefix = "nexus.ebay")
public interface EbayConfig {
    Hosts production();

    Hosts sandbox();

    /** The OAuth scopes asked for at every refresh: a subset of what the seller consented to. */
    @WithDefault("https://api.ebay.com/oauth/api_scope/sell.fulfillment https://api.ebay.com/oauth/api_scope/sell.inventory https://api.ebay.com/oauth/api_scope/commerce.identity.readonly")
    String scopes();

    Http http();

    Orders orders();

    Inventory inventory();

    Quota quota();

    Notifications notifications();

    interface Hosts {
        @WithName("token-url")
        String tokenUrl();

        /** api.ebay.com: Sell APIs. */
        @WithName("api-url")
        String apiUrl();

        /** apiz.ebay.com: the Identity API. */
        @WithName("identity-url")
        String identityUrl();
    }

    interface Http {
        @WithName("max-attempts")
        @WithDefault("5")
        int maxAttempts();

        /** Longest total wait for retries of one call; beyond it the cycle reports RATE_LIMITED. */
        @WithName("max-retry-wait")
        @WithDefault("PT2M")
        Duration maxRetryWait();

        @WithName("request-timeout")
        @WithDefault("PT30S")
        Duration requestTimeout();

        /** Our own backoff runs this many times faster (1 in production; a simulator's factor in tests). */
        @WithName("speed-factor")
        @WithDefault("1")
        double speedFactor();
    }

    interface Orders {
        /** getOrders' maximum (the spec: more than 200 fails). */
        @WithName("page-size")
        @WithDefault("200")
        int pageSize();

        /** The window ends this long before now: eBay refuses end dates in the future (error 30850). */
        @WithName("end-guard")
        @WithDefault("PT5S")
        Duration endGuard();

        /**
         * A lookback longer than this is read in windows of this length, each a checkpoint (getOrders sorts by
         * creation date, so a window cannot be checkpointed half-way).
         */
        @WithName("window-slice")
        @WithDefault("P31D")
        Duration windowSlice();

        /** How often one window is read again when its total changed while it was paged (BEHAVIOR.md). */
        @WithName("max-rereads")
        @WithDefault("2")
        int maxRereads();
    }

    interface Inventory {
        /** getInventoryItems' maximum (1 to 200). */
        @WithName("page-size")
        @WithDefault("200")
        int pageSize();

        /** bulkUpdatePriceQuantity takes at most 25 requests. */
        @WithName("stock-batch-size")
        @WithDefault("25")
        int stockBatchSize();
    }

    /** Push notifications (Notification API): what is registered per connection and how deliveries are read. */
    interface Notifications {
        /**
         * Topics registered for every connection; each is subscribed with the token its {@code scope} in getTopics
         * asks for (USER: the seller's, APPLICATION: the keyset's). ORDER_CONFIRMATION is the order topic eBay offers
         * sellers (release notes v1.6.6, BEHAVIOR.md).
         */
        @WithDefault("ORDER_CONFIRMATION")
        java.util.List<String> topics();

        /** Topics whose notification names an order the handler then reads with getOrder. */
        @WithName("order-topics")
        @WithDefault("ORDER_CONFIRMATION")
        java.util.Set<String> orderTopics();

        /** Topics saying the seller's consent or account is gone: the handler asks for a cycle, which then fails. */
        @WithName("revocation-topics")
        @WithDefault("MARKETPLACE_ACCOUNT_DELETION,AUTHORIZATION_REVOCATION")
        java.util.Set<String> revocationTopics();

        /** The user-token scope of the seller's subscriptions (the seller must have consented to it). */
        @WithName("subscription-scope")
        @WithDefault("https://api.ebay.com/oauth/api_scope/commerce.notification.subscription")
        String subscriptionScope();

        /** The application-token scope of destinations, topics and application subscriptions. */
        @WithName("application-scope")
        @WithDefault("https://api.ebay.com/oauth/api_scope")
        String applicationScope();
    }

    interface Quota {
        /** eBay's daily call limits end at midnight Pacific time (BEHAVIOR.md: uncertain, hence a setting). */
        @WithName("reset-zone")
        @WithDefault("America/Los_Angeles")
        ZoneId resetZone();
    }
}

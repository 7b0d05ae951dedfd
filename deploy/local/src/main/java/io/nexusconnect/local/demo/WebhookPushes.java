package io.nexusconnect.local.demo;

import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.webhooks.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Makes a marketplace's simulator push a few signed webhooks for a demo connection through webhook-gateway, so the
 * webhook path shows in the table: the gateway verifies each, puts it on {@code nexus.webhooks.<marketplace>.v1}, and
 * the adapter turns it into what the push announced.
 */
@FunctionalInterface
public interface WebhookPushes {
    /** Pushes {@code count} deliveries for {@code connectionId} to the gateway at {@code gatewayBaseUrl}; how many. */
    int push(String connectionId, String gatewayBaseUrl, int count);

    /** A marketplace whose simulator pushes nothing (yet). */
    WebhookPushes NONE = (connectionId, gatewayBaseUrl, count) -> 0;

    /**
     * Shopify: the shop holds an {@code ORDERS_CREATE} subscription for the connection's callback at the gateway (the
     * one adapter-shopify's registrar reconciles), and new orders are placed, each pushed signed with the app's client
     * secret, which the demo connection carries as its {@code apiSecretKey}.
     */
    static WebhookPushes shopify(ShopifySimulator simulator) {
        return (connectionId, gatewayBaseUrl, count) -> {
            String callback = gatewayBaseUrl + "/api/webhooks/shopify/" + connectionId;
            String shop = ShopifySimulator.DEMO.myshopifyDomain();
            if (simulator.subscriptions().of(shop, Topics.ORDERS_CREATE).stream().noneMatch(s -> s.uri().equals(callback))) {
                simulator.subscriptions().create(shop, Topics.ORDERS_CREATE, callback, "JSON", null, List.of(),
                        "nexus-local-demo", simulator.config().supportedVersions().getLast(), Instant.now());
            }
            for (int i = 0; i < count; i++) {
                simulator.events().createOrder(Map.of(), BigDecimal.ZERO);
            }
            return count;
        };
    }

    /**
     * eBay: once adapter-ebay registered the connection's destination (eBay validated the gateway's challenge answer)
     * and its ORDER_CONFIRMATION subscription, buyers place orders; the simulator pushes one signed notification per
     * line item, which the gateway verifies with the key it fetches from the simulator's getPublicKey.
     */
    static WebhookPushes ebay(EbaySimulator simulator) {
        return (connectionId, gatewayBaseUrl, count) -> {
            String endpoint = gatewayBaseUrl + "/api/webhooks/ebay/" + connectionId;
            boolean registered = simulator.notifications().destinations().stream()
                    .anyMatch(destination -> destination.endpoint().equals(endpoint) && destination.enabled());
            if (!registered) {
                return 0;
            }
            for (int i = 0; i < count; i++) {
                simulator.placeOrder(Map.of());
            }
            return count;
        };
    }
}

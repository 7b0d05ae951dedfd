package io.nexusconnect.sims.shopify.webhooks;

import io.nexusconnect.sims.shopify.model.Gid;

import java.time.Instant;
import java.util.List;

/**
 * One webhook subscription of the app on a shop, as {@code webhookSubscriptionCreate} left it.
 *
 * @param topic      the GraphQL enum value ({@code ORDERS_CREATE})
 * @param apiVersion the Admin API version of the request that created it: payloads are serialized in it
 */
public record SimSubscription(long number, String shopDomain, String topic, String uri, String format, String filter,
                              List<String> includeFields, String name, String apiVersion, Instant createdAt) {

    public SimSubscription {
        includeFields = includeFields == null ? List.of() : List.copyOf(includeFields);
    }

    public String id() {
        return Gid.of("WebhookSubscription", number);
    }

    /** The topic as deliveries name it in {@code X-Shopify-Topic}: {@code orders/create}, {@code app/uninstalled}. */
    public String deliveryTopic() {
        return Topics.deliveryName(topic);
    }
}

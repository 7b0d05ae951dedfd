package io.nexusconnect.sims.shopify.webhooks;

import java.util.List;
import java.util.Locale;

/**
 * GraphQL topic enum values and the names deliveries carry: the resource, a slash, the event
 * ({@code INVENTORY_LEVELS_UPDATE} → {@code inventory_levels/update}); https://shopify.dev/docs/api/webhooks.
 */
public final class Topics {
    public static final String ORDERS_CREATE = "ORDERS_CREATE";
    public static final String ORDERS_UPDATED = "ORDERS_UPDATED";
    public static final String APP_UNINSTALLED = "APP_UNINSTALLED";
    /** Resources whose names contain an underscore first, so the longest prefix wins. */
    private static final List<String> RESOURCES = List.of("INVENTORY_LEVELS", "INVENTORY_ITEMS", "ORDERS", "PRODUCTS",
            "APP", "SHOP");

    private Topics() {
    }

    public static String deliveryName(String topic) {
        for (String resource : RESOURCES) {
            if (topic.startsWith(resource + "_")) {
                return resource.toLowerCase(Locale.ROOT) + "/" + topic.substring(resource.length() + 1)
                        .toLowerCase(Locale.ROOT);
            }
        }
        return topic.toLowerCase(Locale.ROOT);
    }
}

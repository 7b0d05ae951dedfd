package io.nexusconnect.subscriber;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.alert.Alert;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.stock.StockLevel;

import java.util.List;

/**
 * The topics of nexus-connect that other services use, the same list {@code docs/asyncapi.yaml} describes (a test
 * keeps the two in step). Every other topic is private to nexus-connect's services.
 */
public final class PublicTopics {
    public static final PublicTopic<Product> PRODUCTS = new PublicTopic<>(Topics.PRODUCTS, Product.TYPE, Product.class,
            "connectionId/externalId", PublicTopic.Direction.PUBLISHED, true);
    public static final PublicTopic<Order> ORDERS = new PublicTopic<>(Topics.ORDERS, Order.TYPE, Order.class,
            "connectionId/externalId", PublicTopic.Direction.PUBLISHED, true);
    public static final PublicTopic<InventoryLevel> INVENTORY = new PublicTopic<>(Topics.INVENTORY, InventoryLevel.TYPE,
            InventoryLevel.class, "connectionId/sku", PublicTopic.Direction.PUBLISHED, true);
    public static final PublicTopic<Alert> ALERTS = new PublicTopic<>(Topics.ALERTS, Alert.TYPE, Alert.class,
            "connectionId", PublicTopic.Direction.PUBLISHED, false);
    public static final PublicTopic<StockLevel> STOCK_LEVELS = new PublicTopic<>(Topics.STOCK_LEVELS, StockLevel.TYPE,
            StockLevel.class, "tenantId/sku", PublicTopic.Direction.READ, false);

    private PublicTopics() {
    }

    public static List<PublicTopic<?>> all() {
        return List.of(PRODUCTS, ORDERS, INVENTORY, ALERTS, STOCK_LEVELS);
    }

    public static PublicTopic<?> named(String topic) {
        return all().stream().filter(t -> t.name().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(topic + " is not a public topic of nexus-connect"));
    }
}

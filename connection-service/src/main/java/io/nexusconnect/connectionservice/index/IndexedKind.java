package io.nexusconnect.connectionservice.index;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.Product;

import java.util.Arrays;

/** The compacted state topics whose keys the record index keeps, with the column value and the event type of each. */
public enum IndexedKind {
    PRODUCT("product", Topics.PRODUCTS, Product.TYPE),
    ORDER("order", Topics.ORDERS, Order.TYPE),
    INVENTORY("inventory", Topics.INVENTORY, InventoryLevel.TYPE);

    private final String column;
    private final String topic;
    private final String eventType;

    IndexedKind(String column, String topic, String eventType) {
        this.column = column;
        this.topic = topic;
        this.eventType = eventType;
    }

    /** The value of {@code seen_records.kind}. */
    public String column() {
        return column;
    }

    public String topic() {
        return topic;
    }

    /** The {@code ce_type} a tombstone of this kind carries, so a reader knows which event's key it ends. */
    public String eventType() {
        return eventType;
    }

    public static IndexedKind ofColumn(String column) {
        return Arrays.stream(values()).filter(k -> k.column.equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown record kind " + column));
    }
}

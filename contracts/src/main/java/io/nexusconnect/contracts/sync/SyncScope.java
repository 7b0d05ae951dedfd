package io.nexusconnect.contracts.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a sync cycle fetches. */
public enum SyncScope {
    PRODUCTS,ORDERS,INVENTORY;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SyncScope of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

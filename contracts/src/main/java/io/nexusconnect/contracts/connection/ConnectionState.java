package io.nexusconnect.contracts.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Whether a connection is being scheduled. A removed connection is a tombstone on the connections topic. */
public enum ConnectionState {
    ACTIVE, PAUSED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ConnectionState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

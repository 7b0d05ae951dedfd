package io.nexusconnect.contracts.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The status badge of a connection card (product page: active / error / rate_limited / pending). */
public enum ConnectionStatus {
    PENDING,ACTIVE,ERROR,RATE_LIMITED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ConnectionStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

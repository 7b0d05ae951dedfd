package io.nexusconnect.contracts.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a cycle ended: partial means some scopes failed while others completed. */
public enum SyncOutcome {
    SUCCESS,PARTIAL,FAILED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SyncOutcome of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

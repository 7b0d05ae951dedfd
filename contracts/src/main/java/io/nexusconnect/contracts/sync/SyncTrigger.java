package io.nexusconnect.contracts.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why a cycle runs. */
public enum SyncTrigger {
    SCHEDULE,MANUAL,WEBHOOK,RETRY,RECONNECT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SyncTrigger of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

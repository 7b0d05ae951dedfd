package io.nexusconnect.contracts.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Full re-reads everything in the lookback; incremental continues from the cursors of the last cycle. */
public enum SyncMode {
    FULL,INCREMENTAL;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SyncMode of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

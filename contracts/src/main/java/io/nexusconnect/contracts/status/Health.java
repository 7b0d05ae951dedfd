package io.nexusconnect.contracts.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Health over the last N cycles: healthy = all succeeded, degraded = intermittent failures, unhealthy = the latest ones failed in a row; unknown before any cycle. */
public enum Health {
    UNKNOWN,HEALTHY,DEGRADED,UNHEALTHY;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Health of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

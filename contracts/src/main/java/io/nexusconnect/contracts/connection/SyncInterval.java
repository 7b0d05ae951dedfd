package io.nexusconnect.contracts.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Duration;
import java.util.Arrays;

/** How often a connection is polled: the four options of the product page. */
public enum SyncInterval {
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    HOURLY("1h", Duration.ofHours(1)),
    FOUR_HOURS("4h", Duration.ofHours(4)),
    DAILY("daily", Duration.ofDays(1));

    private final String label;
    private final Duration duration;

    SyncInterval(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    @JsonCreator
    public static SyncInterval of(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equalsIgnoreCase(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("sync interval must be one of 15m, 1h, 4h, daily"));
    }
}

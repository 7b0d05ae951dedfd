package io.nexusconnect.contracts.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Duration;
import java.util.Arrays;

/** How far back the first sync of a connection imports orders: the four options of the product page. */
public enum OrderLookback {
    SEVEN_DAYS("7d", 7),
    THIRTY_DAYS("30d", 30),
    NINETY_DAYS("90d", 90),
    ONE_YEAR("1y", 365);

    private final String label;
    private final int days;

    OrderLookback(String label, int days) {
        this.label = label;
        this.days = days;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public Duration duration() {
        return Duration.ofDays(days);
    }

    @JsonCreator
    public static OrderLookback of(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equalsIgnoreCase(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("order lookback must be one of 7d, 30d, 90d, 1y"));
    }
}

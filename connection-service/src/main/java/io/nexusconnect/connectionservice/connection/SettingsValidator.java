package io.nexusconnect.connectionservice.connection;

import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.FieldViolation;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.connection.SyncWindow;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;

/** Checks submitted settings field by field and builds the contracts' {@link ConnectionSettings} from them. */
public final class SettingsValidator {
    private SettingsValidator() {
    }

    /** The settings, with defaults for what is missing; every problem is added to {@code violations} under {@code prefix}. */
    public static ConnectionSettings validate(SettingsInput input, String prefix, List<FieldViolation> violations) {
        ConnectionSettings defaults = ConnectionSettings.defaults();
        if (input == null) {
            return defaults;
        }
        SyncInterval interval = parse(input.syncInterval(), SyncInterval::of, defaults.syncInterval(),
                prefix + "syncInterval", "must be one of 15m, 1h, 4h, daily", violations);
        OrderLookback lookback = parse(input.orderLookback(), OrderLookback::of, defaults.orderLookback(),
                prefix + "orderLookback", "must be one of 7d, 30d, 90d, 1y", violations);
        int buffer = input.inventoryBufferPercent() == null ? defaults.inventoryBufferPercent() : input.inventoryBufferPercent();
        if (buffer < 0 || buffer > ConnectionSettings.MAX_BUFFER_PERCENT) {
            violations.add(new FieldViolation(prefix + "inventoryBufferPercent",
                    "must be between 0 and " + ConnectionSettings.MAX_BUFFER_PERCENT));
        }
        boolean autoReconnect = input.autoReconnect() == null ? defaults.autoReconnect() : input.autoReconnect();
        String currency = currency(input.currency(), prefix + "currency", violations);
        SyncWindow window = window(input.syncWindow(), prefix + "syncWindow.", violations);
        return new ConnectionSettings(interval, window, lookback, buffer, autoReconnect, currency);
    }

    private static <T> T parse(String value, Function<String, T> parser, T fallback, String field, String message,
                               List<FieldViolation> violations) {
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(field, message));
            return fallback;
        }
    }

    private static String currency(String value, String field, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.trim();
        if (!code.matches("[A-Z]{3}")) {
            violations.add(new FieldViolation(field, "must be an ISO 4217 code of three capital letters, e.g. EUR"));
            return null;
        }
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(field, "is not an ISO 4217 currency"));
            return null;
        }
    }

    private static SyncWindow window(SettingsInput.SyncWindowInput input, String prefix, List<FieldViolation> violations) {
        if (input == null) {
            return null;
        }
        LocalTime start = time(input.start(), prefix + "start", violations);
        LocalTime end = time(input.end(), prefix + "end", violations);
        String zone = input.timeZone() == null || input.timeZone().isBlank() ? null : input.timeZone().trim();
        if (zone == null) {
            violations.add(new FieldViolation(prefix + "timeZone", "is required, e.g. Europe/Berlin"));
        } else {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                violations.add(new FieldViolation(prefix + "timeZone", "is not a known time zone id, e.g. Europe/Berlin"));
                zone = null;
            }
        }
        return start == null || end == null || zone == null ? null : new SyncWindow(start, end, zone);
    }

    private static LocalTime time(String value, String field, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "is required, as HH:mm"));
            return null;
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be a time of day as HH:mm"));
            return null;
        }
    }
}

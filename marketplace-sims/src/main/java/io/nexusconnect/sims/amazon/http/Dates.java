package io.nexusconnect.sims.amazon.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * ISO 8601 date-times as the SP-API accepts them: with {@code Z} or an offset, or without zone (read as UTC). A
 * date without a time is rejected.
 */
public final class Dates {
    private Dates() {
    }

    /** The instant, or the error the API answers ({@code errorFactory} gets the parameter name). */
    public static Instant parse(String name, String value, Function<String, SpApiException> errorFactory) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                throw errorFactory.apply(name);
            }
        }
    }
}

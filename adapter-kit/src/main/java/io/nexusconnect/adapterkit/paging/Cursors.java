package io.nexusconnect.adapterkit.paging;

import io.nexusconnect.adapterkit.sync.CycleContext;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reading the cursors a cycle gets back. A cursor is text the adapter wrote; reading tolerates the forms timestamps
 * come in (ISO instant, offset or local date-time taken as UTC, a date, epoch seconds or milliseconds), and an
 * unreadable cursor is logged and treated as absent, so the step falls back to its lookback instead of failing every
 * cycle for good.
 */
public final class Cursors {
    private static final Logger LOG = Logger.getLogger(Cursors.class);
    /** Epoch values above this are milliseconds (10^11 s is the year 5138). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Cursors() {
    }

    /** The named cursor as an instant; empty when absent, on a full sync, or unreadable (logged). */
    public static Optional<Instant> instant(CycleContext context, String name) {
        Optional<String> text = context.cursor(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> parsed = parseInstant(text.get());
        if (parsed.isEmpty()) {
            LOG.warnf("connection %s: cursor %s is unreadable; the step starts from its lookback",
                    context.connection() == null ? "?" : context.connection().connectionId(), name);
        }
        return parsed;
    }

    /** The named cursor, or {@code fallback} when absent or unreadable. */
    public static Instant instantOr(CycleContext context, String name, Instant fallback) {
        return instant(context, name).orElse(fallback);
    }

    public static Optional<Instant> parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.matches("-?\\d+")) {
            try {
                long number = Long.parseLong(value);
                return Optional.of(Math.abs(number) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(number)
                        : Instant.ofEpochSecond(number));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException notInstant) {
            // try the other forms
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            // try the other forms
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
            // try the other forms
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }

    /** A long cursor (an offset); empty when absent or not a number. */
    public static Optional<Long> number(CycleContext context, String name) {
        return context.cursor(name).filter(value -> value.trim().matches("\\d{1,18}")).map(value -> Long.parseLong(value.trim()));
    }

    /** The later of two instants, either possibly null: a cursor never moves back. */
    public static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}

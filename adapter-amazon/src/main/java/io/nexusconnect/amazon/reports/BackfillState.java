package io.nexusconnect.amazon.reports;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report windows of a backfill still to read, kept in the cursor {@value #CURSOR} between cycles, so a cycle that
 * stops (deadline, error) is continued with the reports already created: a report is never requested twice. Each
 * window has its report id, none yet, or {@value #API} when it is read through getOrders instead. Encoded as
 * {@code start/end=reportId} joined by {@code ;}. Pure.
 */
public record BackfillState(List<Entry> windows) {
    public static final String CURSOR = "orders.backfill";
    /** The window is read through the Orders API (its report was CANCELLED, FATAL or unreadable). */
    public static final String API = "api";

    /** One window; {@code reportId} is null until its report was created. */
    public record Entry(Instant start, Instant end, String reportId) {
        public boolean byApi() {
            return API.equals(reportId);
        }
    }

    public BackfillState {
        windows = List.copyOf(windows);
    }

    public static BackfillState of(List<BackfillPlanner.Window> windows) {
        return new BackfillState(windows.stream().map(w -> new Entry(w.start(), w.end(), null)).toList());
    }

    /** The state a cursor holds; empty when it holds none or cannot be read (the backfill then starts anew). */
    public static Optional<BackfillState> decode(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        try {
            for (String part : value.split(";")) {
                int slash = part.indexOf('/');
                int equals = part.indexOf('=');
                Instant start = Instant.parse(part.substring(0, slash));
                Instant end = Instant.parse(part.substring(slash + 1, equals < 0 ? part.length() : equals));
                String id = equals < 0 || equals == part.length() - 1 ? null : part.substring(equals + 1);
                entries.add(new Entry(start, end, id));
            }
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
        return Optional.of(new BackfillState(entries));
    }

    public String encode() {
        List<String> parts = new ArrayList<>();
        for (Entry entry : windows) {
            parts.add(entry.start() + "/" + entry.end() + (entry.reportId() == null ? "" : "=" + entry.reportId()));
        }
        return String.join(";", parts);
    }

    /** The windows not yet read when everything up to {@code cursor} is: the first one starts at the cursor. */
    public BackfillState after(Instant cursor) {
        List<Entry> rest = new ArrayList<>();
        for (Entry entry : windows) {
            if (entry.end().isAfter(cursor)) {
                rest.add(entry.start().isBefore(cursor) ? new Entry(cursor, entry.end(), entry.reportId()) : entry);
            }
        }
        return new BackfillState(rest);
    }

    public BackfillState with(int index, String reportId) {
        List<Entry> changed = new ArrayList<>(windows);
        Entry entry = changed.get(index);
        changed.set(index, new Entry(entry.start(), entry.end(), reportId));
        return new BackfillState(changed);
    }

    public boolean isEmpty() {
        return windows.isEmpty();
    }

    /** The end of the last window: where the backfill hands over to getOrders. */
    public Instant end() {
        return windows.getLast().end();
    }
}

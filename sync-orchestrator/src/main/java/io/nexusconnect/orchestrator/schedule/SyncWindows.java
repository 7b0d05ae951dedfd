package io.nexusconnect.orchestrator.schedule;

import io.nexusconnect.contracts.connection.SyncWindow;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** When a connection's sync window (business hours in its own time zone) lets a cycle run. */
public final class SyncWindows {
    private SyncWindows() {
    }

    /**
     * {@code at} itself when it lies inside the window (or there is none), else the next start of the window after
     * it. Computed in the window's zone, so daylight-saving changes move the instant, not the local hour; a start
     * inside a DST gap resolves to the first valid local time after it.
     */
    public static Instant nextOpen(SyncWindow window, Instant at) {
        if (window == null || window.start() == null || window.end() == null) {
            return at;
        }
        ZoneId zone = zoneOf(window);
        SyncWindow resolved = new SyncWindow(window.start(), window.end(), zone.getId());
        if (resolved.contains(at)) {
            return at;
        }
        LocalDate today = ZonedDateTime.ofInstant(at, zone).toLocalDate();
        Instant startToday = ZonedDateTime.of(today, window.start(), zone).toInstant();
        return startToday.isAfter(at) ? startToday : ZonedDateTime.of(today.plusDays(1), window.start(), zone).toInstant();
    }

    /** A zone connection-service let through but this JVM does not know is read as UTC rather than stopping syncs. */
    private static ZoneId zoneOf(SyncWindow window) {
        try {
            return window.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(window.timeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}

package io.nexusconnect.contracts.connection;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours of the day in which a connection may be polled, in its own time zone. A window whose end is before its
 * start crosses midnight (22:00–06:00).
 */
public record SyncWindow(LocalTime start, LocalTime end, String timeZone) {
    public boolean contains(Instant instant) {
        LocalTime local = ZonedDateTime.ofInstant(instant, ZoneId.of(timeZone)).toLocalTime();
        if (start.equals(end)) {
            return true;
        }
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }
}

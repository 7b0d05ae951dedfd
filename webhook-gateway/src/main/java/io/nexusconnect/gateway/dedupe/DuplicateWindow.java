package io.nexusconnect.gateway.dedupe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The marketplace event ids seen within the window, by {@code marketplace/connectionId/eventId}. A delivery claims
 * its id before it is published; the claim becomes a sighting once the record is durable, or is released if
 * publishing failed, so the marketplace's retry is not taken for a duplicate. Sightings of other replicas arrive
 * through the dedupe topic. Pure: time comes from the clock.
 */
public final class DuplicateWindow {
    private enum State { CLAIMED, SEEN }

    private record Entry(State state, Instant at) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration window;

    public DuplicateWindow(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    public static String key(String marketplace, String connectionId, String eventId) {
        return marketplace + "/" + connectionId + "/" + eventId;
    }

    /** What a delivery found when it tried to claim its event id. */
    public enum Claim {
        /** first within the window: it now holds the claim and publishes */
        FIRST,
        /** another delivery of the same event is being published right now */
        IN_FLIGHT,
        /** already durable on the topic: a duplicate */
        SEEN
    }

    /** Claims the event id for this delivery unless another delivery holds it or it was seen within the window. */
    public Claim claim(String key) {
        Instant now = clock.instant();
        Claim[] outcome = {Claim.FIRST};
        entries.compute(key, (k, held) -> {
            if (held != null && !expired(held, now)) {
                outcome[0] = held.state() == State.SEEN ? Claim.SEEN : Claim.IN_FLIGHT;
                return held;
            }
            return new Entry(State.CLAIMED, now);
        });
        return outcome[0];
    }

    /** Whether the id is known as durable within the window (looks only, claims nothing). */
    public boolean isSeen(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.state() == State.SEEN && !expired(entry, clock.instant());
    }

    /** The claimed delivery is durable: a duplicate from now until the window has passed. */
    public void confirm(String key) {
        entries.put(key, new Entry(State.SEEN, clock.instant()));
    }

    /** Publishing failed: the marketplace's retry must go through. */
    public void release(String key) {
        entries.computeIfPresent(key, (k, held) -> held.state() == State.CLAIMED ? null : held);
    }

    /** A sighting published by any replica (including this one), at the time it was published. */
    public void seen(String key, Instant at) {
        entries.merge(key, new Entry(State.SEEN, at), (held, incoming) ->
                held.state() == State.SEEN && held.at().isAfter(incoming.at()) ? held : incoming);
    }

    /** Forgets what the window no longer covers; returns how many entries were dropped. */
    public int expire() {
        Instant now = clock.instant();
        int dropped = 0;
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (expired(it.next(), now)) {
                it.remove();
                dropped++;
            }
        }
        return dropped;
    }

    public int size() {
        return entries.size();
    }

    private boolean expired(Entry entry, Instant now) {
        return entry.at().plus(window).isBefore(now);
    }
}

package io.nexusconnect.subscriber.state;

import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.subscriber.kafka.NexusRecord;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of a public topic in memory: one event per key, the newest by {@link UpsertRule}, a key removed by its
 * tombstone. For caches, tests and bootstrapping; a service that keeps the state in a database applies the same
 * {@link UpsertRule} to its rows. Not thread-safe: feed it from one consumer thread.
 */
public final class LatestByKey<T extends NexusEvent> {
    private final Map<String, T> latest = new LinkedHashMap<>();

    public UpsertRule.Decision apply(NexusRecord<T> record) {
        if (record.isTombstone()) {
            latest.remove(record.key());
            return UpsertRule.Decision.APPLY;
        }
        return apply(record.key(), record.event().orElseThrow());
    }

    public UpsertRule.Decision apply(String key, T event) {
        T stored = latest.get(key);
        UpsertRule.Decision decision = UpsertRule.decide(stored == null ? null : Freshness.of(stored), Freshness.of(event));
        if (decision == UpsertRule.Decision.APPLY) {
            latest.put(key, event);
        }
        return decision;
    }

    /** The current event of every live key, in the order the keys first appeared. */
    public Map<String, T> state() {
        return Collections.unmodifiableMap(latest);
    }
}

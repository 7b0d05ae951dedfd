package io.nexusconnect.adapterkit.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The marketplace event ids this consumer handled last, so a redelivered webhook (marketplaces retry until they see a
 * 2xx, and may deliver twice anyway) is not applied again. Bounded and in memory: after a restart or a rebalance a
 * duplicate can pass, which is harmless because normalized records are keyed and a sync is idempotent.
 */
final class RecentEventIds {
    private final Map<String, Boolean> seen;

    RecentEventIds(int capacity) {
        this.seen = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(String key) {
        return seen.containsKey(key);
    }

    synchronized void remember(String key) {
        seen.put(key, Boolean.TRUE);
    }
}

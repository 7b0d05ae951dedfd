package io.nexusconnect.sims.walmart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens issued by {@code POST /v3/token}: opaque, live for the configured time (15 minutes at Walmart). */
final class WalmartTokens {
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    WalmartTokens(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    String issue() {
        String token = "wm-at-" + UUID.randomUUID();
        expiries.put(token, clock.instant().plus(ttl));
        return token;
    }

    long ttlSeconds() {
        return ttl.toSeconds();
    }

    boolean live(String token) {
        if (token == null) {
            return false;
        }
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    void expire(String token) {
        if (token != null) {
            expiries.computeIfPresent(token, (t, e) -> Instant.EPOCH);
        }
    }
}

package io.nexusconnect.sims.bol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens issued by {@code POST /token}: opaque, short-lived (the configured TTL). */
final class BolTokens {
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    BolTokens(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    String issue() {
        String token = "bol-at-" + UUID.randomUUID();
        expiries.put(token, clock.instant().plus(ttl));
        return token;
    }

    long ttlSeconds() {
        return ttl.toSeconds();
    }

    boolean live(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    void expire(String token) {
        if (token != null) {
            expiries.computeIfPresent(token, (t, e) -> Instant.EPOCH);
        }
    }
}

package io.nexusconnect.sims.zalando;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens issued by {@code POST /auth/token}: opaque here, live for the configured time. */
final class ZalandoTokens {
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    ZalandoTokens(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    String issue() {
        String token = "zd-at-" + UUID.randomUUID();
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

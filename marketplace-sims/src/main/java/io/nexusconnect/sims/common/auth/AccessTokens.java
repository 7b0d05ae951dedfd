package io.nexusconnect.sims.common.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque bearer tokens of a simulated client-credentials endpoint: each lives for the configured time on the
 * simulator's clock; a fault can expire one early.
 */
public final class AccessTokens {
    private final String prefix;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    public AccessTokens(String prefix, Clock clock, Duration ttl) {
        this.prefix = prefix;
        this.clock = clock;
        this.ttl = ttl;
    }

    public String issue() {
        String token = prefix + UUID.randomUUID();
        expiries.put(token, clock.instant().plus(ttl));
        return token;
    }

    public long ttlSeconds() {
        return ttl.toSeconds();
    }

    public boolean live(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    public void expire(String token) {
        if (token != null) {
            expiries.computeIfPresent(token, (t, e) -> Instant.EPOCH);
        }
    }
}

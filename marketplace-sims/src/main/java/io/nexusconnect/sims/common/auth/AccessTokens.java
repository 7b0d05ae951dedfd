package io.nexusconnect.sims.common.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Opaque access tokens a simulated token endpoint issues: each lives for the configured time on the given clock. */
public final class AccessTokens {
    private final Clock clock;
    private final Duration ttl;
    private final String prefix;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    public AccessTokens(Clock clock, Duration ttl, String prefix) {
        this.clock = clock;
        this.ttl = ttl;
        this.prefix = prefix;
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

    /** What an "expired token" fault does: the token is refused from now on. */
    public void expire(String token) {
        if (token != null) {
            expiries.computeIfPresent(token, (t, e) -> Instant.EPOCH);
        }
    }
}

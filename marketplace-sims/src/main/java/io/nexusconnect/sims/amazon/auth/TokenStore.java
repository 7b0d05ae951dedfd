package io.nexusconnect.sims.amazon.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Access tokens the LWA endpoint issued. They look like Amazon's ({@code Atza|} + random) and expire after the
 * configured TTL on the simulator's clock. Expired tokens are remembered for a while so they can be told apart
 * from tokens that were never valid.
 */
public final class TokenStore {
    private static final Duration FORGET_AFTER = Duration.ofHours(24);
    private final ConcurrentMap<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration ttl;

    public TokenStore(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    public IssuedToken issue(String clientId, String sellingPartnerId, String scope) {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        String value = "Atza|" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        IssuedToken token = new IssuedToken(value, clientId, sellingPartnerId, scope, now.plus(ttl));
        tokens.put(value, token);
        forgetOld(now);
        return token;
    }

    public TokenCheck check(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return new TokenCheck.Missing();
        }
        IssuedToken token = tokens.get(headerValue.trim());
        if (token == null) {
            return new TokenCheck.Invalid();
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            return new TokenCheck.Expired();
        }
        return new TokenCheck.Valid(token);
    }

    /** Makes a token expire now (the EXPIRED_TOKEN fault): it keeps failing as expired afterwards. */
    public void expire(String headerValue) {
        if (headerValue != null) {
            tokens.computeIfPresent(headerValue.trim(), (k, t) -> new IssuedToken(t.token(), t.clientId(),
                    t.sellingPartnerId(), t.scope(), clock.instant()));
        }
    }

    private void forgetOld(Instant now) {
        if (tokens.size() % 1024 == 0) {
            tokens.values().removeIf(t -> t.expiresAt().plus(FORGET_AFTER).isBefore(now));
        }
    }
}

package io.nexusconnect.sims.ebay.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The refresh tokens the demo seller granted and the user access tokens minted from them. eBay tokens are opaque
 * strings starting {@code v^1.1#i^1#…}; lifetimes come from the configuration and are measured on the clock.
 */
public final class EbayTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A refresh token: which app it belongs to, whose account, the consented scopes, when it stops working. */
    public record Grant(String clientId, String userId, Set<String> scopes, Instant expiresAt) {
    }

    /**
     * An access token: a user token minted from a grant (carrying the scopes asked for at refresh time), or an
     * application token ({@code userId} null).
     */
    public record AccessToken(String token, String clientId, String userId, Set<String> scopes, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration accessTokenTtl;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();

    public EbayTokens(Clock clock, Duration accessTokenTtl) {
        this.clock = clock;
        this.accessTokenTtl = accessTokenTtl;
    }

    public void grant(String refreshToken, Grant grant) {
        grants.put(refreshToken, grant);
    }

    public Optional<Grant> grant(String refreshToken) {
        return Optional.ofNullable(refreshToken).map(grants::get);
    }

    public boolean expired(Grant grant) {
        return !clock.instant().isBefore(grant.expiresAt());
    }

    public AccessToken mint(Grant grant, Set<String> scopes) {
        String token = "v^1.1#i^1#f^0#p^3#I^3#r^0#t^" + random();
        AccessToken access = new AccessToken(token, grant.clientId(), grant.userId(), Set.copyOf(scopes),
                clock.instant().plus(accessTokenTtl));
        accessTokens.put(token, access);
        return access;
    }

    /** An application access token (client-credentials grant): no seller behind it. */
    public AccessToken mintApplication(String clientId, Set<String> scopes) {
        String token = "v^1.1#i^1#p^1#I^3#f^0#r^0#t^" + random();
        AccessToken access = new AccessToken(token, clientId, null, Set.copyOf(scopes), clock.instant().plus(accessTokenTtl));
        accessTokens.put(token, access);
        return access;
    }

    /** The seller withdrew consent (or the account is gone): the refresh token and its access tokens stop working. */
    public void revoke(String refreshToken) {
        Grant grant = grants.remove(refreshToken);
        if (grant != null) {
            accessTokens.values().removeIf(t -> grant.userId().equals(t.userId()) && grant.clientId().equals(t.clientId()));
        }
    }

    public long ttlSeconds() {
        return accessTokenTtl.toSeconds();
    }

    /** The live token behind {@code Authorization: Bearer …}; empty when missing, unknown or expired. */
    public Optional<AccessToken> live(String token) {
        AccessToken access = token == null ? null : accessTokens.get(token);
        if (access == null || !clock.instant().isBefore(access.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(access);
    }

    /** Ends a token's life now (the EXPIRED_TOKEN fault): it stays expired, as a real one would. */
    public void expire(String token) {
        if (token != null) {
            accessTokens.computeIfPresent(token, (k, t) -> new AccessToken(t.token(), t.clientId(), t.userId(),
                    t.scopes(), clock.instant()));
        }
    }

    private static String random() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}

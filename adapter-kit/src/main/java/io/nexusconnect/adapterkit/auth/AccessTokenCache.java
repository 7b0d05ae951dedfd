package io.nexusconnect.adapterkit.auth;

import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Access tokens per credential, refreshed ahead of expiry. A token is refreshed once it is within {@code refreshSkew}
 * of expiring; while one caller refreshes (single flight per credential), others keep using the still-valid token,
 * or wait for the refresh when there is none. A token the marketplace rejected as expired is invalidated, so the
 * next caller fetches a new one.
 */
public final class AccessTokenCache {
    private final Clock clock;
    private final Duration refreshSkew;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        AccessToken token;
        CompletableFuture<AccessToken> refresh;
    }

    public AccessTokenCache(Clock clock, Duration refreshSkew) {
        this.clock = clock;
        this.refreshSkew = refreshSkew;
    }

    /**
     * The token for {@code credentialKey}; fetches one when there is none or it is about to expire. The key must change
     * when the credential does (e.g. a hash of client id and refresh token), so a rotated credential gets its own token.
     */
    public AccessToken get(String credentialKey, TokenFetcher fetcher) {
        Slot slot = slots.computeIfAbsent(credentialKey, key -> new Slot());
        CompletableFuture<AccessToken> refresh;
        boolean leader = false;
        synchronized (slot) {
            Instant now = clock.instant();
            AccessToken current = slot.token;
            if (current != null && now.isBefore(current.expiresAt().minus(refreshSkew))) {
                return current;
            }
            boolean stillValid = current != null && now.isBefore(current.expiresAt());
            if (slot.refresh == null) {
                slot.refresh = new CompletableFuture<>();
                leader = true;
            } else if (stillValid) {
                // someone is refreshing ahead of expiry; the old token works until then
                return current;
            }
            refresh = slot.refresh;
        }
        if (leader) {
            try {
                AccessToken fresh = fetcher.fetch();
                synchronized (slot) {
                    slot.token = fresh;
                    slot.refresh = null;
                }
                refresh.complete(fresh);
            } catch (RuntimeException e) {
                synchronized (slot) {
                    slot.refresh = null;
                }
                refresh.completeExceptionally(e);
                throw e;
            }
        }
        return await(refresh);
    }

    /** Drops {@code rejected} unless a newer token already replaced it (another caller may have refreshed meanwhile). */
    public void invalidate(String credentialKey, AccessToken rejected) {
        Slot slot = slots.get(credentialKey);
        if (slot == null) {
            return;
        }
        synchronized (slot) {
            if (slot.token != null && slot.token.equals(rejected)) {
                slot.token = null;
            }
        }
    }

    /**
     * Drops whatever token {@code credentialKey} holds, so the next call authenticates afresh. A reconnect asks for
     * this: the seller may have re-authorised the app, and a token minted before that must not be used again.
     */
    public void forget(String credentialKey) {
        Slot slot = slots.get(credentialKey);
        if (slot == null) {
            return;
        }
        synchronized (slot) {
            slot.token = null;
        }
    }

    /**
     * Runs {@code call} with a token; when the marketplace answers that the token expired, invalidates it and runs the
     * call once more with a fresh one. A second rejection is the caller's answer.
     */
    public <T> T withToken(String credentialKey, TokenFetcher fetcher, Function<AccessToken, T> call) {
        AccessToken token = get(credentialKey, fetcher);
        try {
            return call.apply(token);
        } catch (MarketplaceException e) {
            if (e.code() != ErrorCode.TOKEN_EXPIRED) {
                throw e;
            }
            invalidate(credentialKey, token);
            return call.apply(get(credentialKey, fetcher));
        }
    }

    private static AccessToken await(CompletableFuture<AccessToken> refresh) {
        try {
            return refresh.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceException(ErrorCode.INTERNAL, "interrupted while waiting for an access token");
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new MarketplaceException(ErrorCode.INTERNAL, "access token refresh failed");
        }
    }
}

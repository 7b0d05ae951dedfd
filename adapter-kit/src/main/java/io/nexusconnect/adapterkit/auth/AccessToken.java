package io.nexusconnect.adapterkit.auth;

import io.nexusconnect.contracts.security.Masking;

import java.time.Instant;

/** A bearer token and when it stops working. Its text never appears in logs: {@link #toString()} masks it. */
public record AccessToken(String value, Instant expiresAt) {
    @Override
    public String toString() {
        return "AccessToken[" + Masking.mask(value) + ", expiresAt=" + expiresAt + "]";
    }
}

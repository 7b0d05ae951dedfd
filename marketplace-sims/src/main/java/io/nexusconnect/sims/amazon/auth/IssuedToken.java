package io.nexusconnect.sims.amazon.auth;

import java.time.Instant;

/**
 * An access token this simulator issued: for a seller ({@code sellingPartnerId} set, refresh_token grant) or
 * grantless ({@code scope} set, client_credentials grant).
 */
public record IssuedToken(String token, String clientId, String sellingPartnerId, String scope, Instant expiresAt) {

    public boolean grantless() {
        return sellingPartnerId == null;
    }

    @Override
    public String toString() {
        return "IssuedToken[token=***, clientId=" + clientId + ", sellingPartnerId=" + sellingPartnerId + ", scope="
                + scope + ", expiresAt=" + expiresAt + "]";
    }
}

package io.nexusconnect.adapterkit.auth.oauth2;

import io.nexusconnect.adapterkit.credentials.Secret;

/**
 * What the token endpoint is asked for (RFC 6749 §4.4 client credentials, §6 refresh token). The client id and secret
 * authenticate the application; how they travel (Basic header or body) is the endpoint's choice, not the grant's.
 */
public sealed interface OAuth2Grant {
    Secret clientId();

    Secret clientSecret();

    /** Space-separated scopes, or null for the scopes the grant already carries. */
    String scope();

    String grantType();

    /** The seller's own application (Walmart, bol, Zalando), or a grantless SP-API call with a scope. */
    record ClientCredentials(Secret clientId, Secret clientSecret, String scope) implements OAuth2Grant {
        @Override
        public String grantType() {
            return "client_credentials";
        }
    }

    /** A seller's long-lived authorisation traded for short-lived access tokens (Amazon LWA, eBay). */
    record RefreshToken(Secret clientId, Secret clientSecret, Secret refreshToken, String scope) implements OAuth2Grant {
        @Override
        public String grantType() {
            return "refresh_token";
        }
    }

    static ClientCredentials clientCredentials(Secret clientId, Secret clientSecret, String scope) {
        return new ClientCredentials(clientId, clientSecret, scope);
    }

    static RefreshToken refreshToken(Secret clientId, Secret clientSecret, Secret refreshToken) {
        return new RefreshToken(clientId, clientSecret, refreshToken, null);
    }
}

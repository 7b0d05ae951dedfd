package io.nexusconnect.amazon.auth;

import io.nexusconnect.adapterkit.auth.AccessToken;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Endpoint;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Grant;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClient;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClients;
import io.nexusconnect.amazon.client.AmazonAccount;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Function;

/**
 * Login with Amazon: the seller's refresh token traded for a one-hour access token ({@code grant_type=refresh_token},
 * client id and secret in the form body as LWA's helpers send them), through the kit's OAuth2 client (cache, refresh
 * ahead of expiry, RFC 6749 error classification). SP-API needs no SigV4 since 2023-10-02; the access token in
 * {@code x-amz-access-token} is all the authorization a call carries. The token URL is {@code nexus.apis.lwa.base-url}.
 */
@ApplicationScoped
public class LwaClient {
    public static final String API = "lwa";
    private final OAuth2TokenClient tokens;

    LwaClient(OAuth2TokenClients tokenClients) {
        this.tokens = tokenClients.open("amazon", API, url -> OAuth2Endpoint.bodyForm("Login with Amazon", url));
    }

    /** Runs {@code call} with the account's access token; an answer that the token expired refreshes it once. */
    public <T> T withToken(AmazonAccount account, Function<AccessToken, T> call) {
        return tokens.withToken(account.tokenKey(), grant(account), call);
    }

    /** Forgets the account's cached access token; the next call trades the refresh token again. */
    public void forget(AmazonAccount account) {
        tokens.forget(account.tokenKey(), grant(account));
    }

    private static OAuth2Grant grant(AmazonAccount account) {
        return OAuth2Grant.refreshToken(account.clientId(), account.clientSecret(), account.refreshToken());
    }
}

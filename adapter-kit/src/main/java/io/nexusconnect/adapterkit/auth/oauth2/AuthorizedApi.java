package io.nexusconnect.adapterkit.auth.oauth2;

import io.nexusconnect.adapterkit.auth.AccessToken;
import io.nexusconnect.adapterkit.client.CallPacer;
import io.nexusconnect.adapterkit.client.MarketplaceApi;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;

import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * An API whose calls carry an OAuth2 access token: each call takes the account's cached token (fetched when missing
 * or due), puts it on the request where the marketplace wants it ({@link TokenPlacement}), sends it with the API's
 * limits and retries and throws a non-2xx answer classified by the API's classifier; an answer classified
 * TOKEN_EXPIRED runs the call once more with a fresh token. The adapter declares only the rest of each request.
 *
 * <pre>
 * AuthorizedApi orders = new AuthorizedApi(apis.open("bol", "bol", b -> b.classifier(..)), tokens.open(..));
 * orders.call(account, "GET", "get-orders", "/retailer/orders?page=1", request -> request.header("Accept", V10_JSON));
 * </pre>
 */
public final class AuthorizedApi {
    /** Where the token goes on a request. */
    @FunctionalInterface
    public interface TokenPlacement {
        /** {@code Authorization: Bearer <token>} (RFC 6750). */
        TokenPlacement BEARER = (request, token) -> request.secretHeader("Authorization", "Bearer " + token.value());

        MarketplaceRequest.Builder place(MarketplaceRequest.Builder request, AccessToken token);

        /** The bare token in a header of the marketplace's own (Walmart's {@code WM_SEC.ACCESS_TOKEN}). */
        static TokenPlacement header(String name) {
            return (request, token) -> request.secretHeader(name, token.value());
        }
    }

    private final MarketplaceApi api;
    private final OAuth2TokenClient tokens;
    private final TokenPlacement placement;
    private final CallPacer pacer;

    /** Bearer tokens, paced by the configured buckets alone. */
    public AuthorizedApi(MarketplaceApi api, OAuth2TokenClient tokens) {
        this(api, tokens, TokenPlacement.BEARER, CallPacer.NONE);
    }

    public AuthorizedApi(MarketplaceApi api, OAuth2TokenClient tokens, TokenPlacement placement, CallPacer pacer) {
        this.api = api;
        this.tokens = tokens;
        this.placement = placement;
        this.pacer = pacer;
    }

    public MarketplaceApi api() {
        return api;
    }

    /**
     * {@code method pathAndQuery} (on the API's base URL) as {@code operation} of the account, the token placed and
     * {@code declare} adding the rest (headers, body, signer); a 2xx answer, or the classified exception.
     */
    public MarketplaceResponse call(TokenAccount account, String method, String operation, String pathAndQuery,
                                    UnaryOperator<MarketplaceRequest.Builder> declare) {
        URI url = api.url(pathAndQuery);
        pacer.awaitTurn(account.rateKey(), operation);
        return tokens.withToken(account.rateKey(), account.grant(), token -> {
            MarketplaceRequest request = declare.apply(placement.place(
                    MarketplaceRequest.method(method, operation, account.rateKey(), url), token)).build();
            MarketplaceResponse response = api.http().send(request);
            pacer.observe(account.rateKey(), operation, response);
            return api.http().requireSuccess(response);
        });
    }

    /** Forgets the account's cached token (a reconnect: the next call asks for a new one). */
    public void forgetToken(TokenAccount account) {
        tokens.forget(account.rateKey(), account.grant());
    }
}

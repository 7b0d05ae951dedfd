package io.nexusconnect.adapterkit.auth.oauth2;

import io.nexusconnect.adapterkit.auth.AccessTokenCache;
import io.nexusconnect.adapterkit.client.MarketplaceApi;
import io.nexusconnect.adapterkit.client.MarketplaceApis;

import java.net.URI;
import java.time.Clock;
import java.util.function.Function;

/**
 * Token clients on configured token endpoints: the endpoint's URL, limits and retries come from
 * {@code nexus.apis.<api>} like any API's (its {@code base-url} is the token URL), and the adapter declares the rest.
 *
 * <pre>
 * OAuth2TokenClient ebay = tokens.open("ebay", "ebay-identity", url -> OAuth2Endpoint.basicForm("eBay", url));
 * </pre>
 */
public class OAuth2TokenClients {
    private final MarketplaceApis apis;
    private final AccessTokenCache cache;
    private final Clock clock;
    private final OAuth2TokenClient.TokenListener listener;

    public OAuth2TokenClients(MarketplaceApis apis, AccessTokenCache cache, Clock clock, OAuth2TokenClient.TokenListener listener) {
        this.apis = apis;
        this.cache = cache;
        this.clock = clock;
        this.listener = listener;
    }

    public OAuth2TokenClient open(String marketplace, String api, Function<URI, OAuth2Endpoint> declare) {
        MarketplaceApi tokenApi = apis.open(marketplace, api, builder -> builder);
        URI tokenUrl = tokenApi.baseUrl().orElseThrow(() -> new IllegalStateException(
                "nexus.apis." + api + ".base-url must be the token endpoint's URL"));
        return new OAuth2TokenClient(declare.apply(tokenUrl), tokenApi.http(), cache, clock, listener);
    }
}

package io.nexusconnect.ebay.client;

import io.nexusconnect.adapterkit.auth.AccessTokenCache;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Endpoint;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Grant;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClient;
import io.nexusconnect.adapterkit.client.MarketplaceHttpClient;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.RetryPolicy;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.ebay.config.EbayConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The eBay operations the adapter uses, each with a user access token from the refresh-token grant (the kit's OAuth2
 * token client: Basic client credentials, form body, the configured scopes) in {@code Authorization: Bearer}, and the
 * connection's marketplace in {@code X-EBAY-C-MARKETPLACE-ID}. eBay meters calls per day, not per second, so no
 * token bucket paces them; answers are the raw {@link MarketplaceResponse}s.
 */
@ApplicationScoped
public class EbayApiClient {
    public static final String GET_ORDERS = "getOrders";
    public static final String GET_INVENTORY_ITEMS = "getInventoryItems";
    public static final String GET_OFFERS = "getOffers";
    public static final String BULK_UPDATE_PRICE_QUANTITY = "bulkUpdatePriceQuantity";
    public static final String GET_USER = "getUser";
    public static final String GET_ORDER = "getOrder";
    /** Decision (BEHAVIOR.md): the request id header eBay answers with. */
    public static final String REQUEST_ID_HEADER = "X-EBAY-C-REQUEST-ID";

    private final MarketplaceHttpClient http;
    private final OAuth2TokenClient productionTokens;
    private final OAuth2TokenClient sandboxTokens;

    EbayApiClient(Vertx vertx, EbayConfig config, AccessTokenCache cache, Clock clock, Sleeper sleeper) {
        this.http = MarketplaceHttpClient.builder(vertx).clock(clock).sleeper(sleeper)
                .speedFactor(config.http().speedFactor())
                .retryPolicy(new RetryPolicy(config.http().maxAttempts(), Duration.ofSeconds(1), Duration.ofSeconds(30),
                        config.http().maxRetryWait(), config.http().requestTimeout()))
                .classifier(new EbayErrorClassifier(clock, config.quota().resetZone()))
                .requestIdHeader(REQUEST_ID_HEADER)
                .build();
        this.productionTokens = tokens(config.production(), cache, clock);
        this.sandboxTokens = tokens(config.sandbox(), cache, clock);
    }

    private OAuth2TokenClient tokens(EbayConfig.Hosts hosts, AccessTokenCache cache, Clock clock) {
        OAuth2Endpoint endpoint = OAuth2Endpoint.basicForm("eBay OAuth", URI.create(hosts.tokenUrl()))
                .withDefaultLifetime(Duration.ofHours(2));
        return new OAuth2TokenClient(endpoint, http, cache, clock);
    }

    /** GET /sell/fulfillment/v1/order with the given query. */
    public MarketplaceResponse getOrders(EbayAccount account, UnaryOperator<MarketplaceRequest.Builder> query) {
        return get(account, GET_ORDERS, account.api("/sell/fulfillment/v1/order"), query);
    }

    /**
     * GET /sell/fulfillment/v1/order/{orderId}?fieldGroups=TAX_BREAKDOWN: one order, read as the cycle reads it (with
     * eBay's collect-and-remit taxes in the totals).
     */
    public MarketplaceResponse getOrder(EbayAccount account, String orderId) {
        return get(account, GET_ORDER, account.api("/sell/fulfillment/v1/order/" + segment(orderId)),
                q -> q.query("fieldGroups", "TAX_BREAKDOWN"));
    }

    /**
     * A Notification API call with the application's token (client-credentials grant of the connection's keyset,
     * {@code scope}): destinations, topics and application-topic subscriptions.
     *
     * @param pathAndQuery below {@code /commerce/notification/v1}; {@code body} JSON or null
     */
    public MarketplaceResponse asApplication(EbayAccount account, String operation, String method, String pathAndQuery,
                                             String body, String scope) {
        OAuth2Grant.ClientCredentials grant = new OAuth2Grant.ClientCredentials(account.grant().clientId(),
                account.grant().clientSecret(), scope);
        return notification(account, grant, operation, method, pathAndQuery, body);
    }

    /**
     * A Notification API call with the seller's user token of {@code scope} (the refresh token again, asking for the
     * subscription scope only): the seller's user-topic subscriptions.
     */
    public MarketplaceResponse asSeller(EbayAccount account, String operation, String method, String pathAndQuery,
                                        String body, String scope) {
        OAuth2Grant.RefreshToken grant = new OAuth2Grant.RefreshToken(account.grant().clientId(),
                account.grant().clientSecret(), account.grant().refreshToken(), scope);
        return notification(account, grant, operation, method, pathAndQuery, body);
    }

    private MarketplaceResponse notification(EbayAccount account, OAuth2Grant grant, String operation, String method,
                                             String pathAndQuery, String body) {
        URI url = account.api("/commerce/notification/v1" + pathAndQuery);
        return tokens(account).withToken(account.tokenKey(), grant, token -> {
            MarketplaceRequest.Builder request = authorized(MarketplaceRequest.method(method, operation,
                    account.rateKey(), url), account, token.value());
            if (body != null) {
                request.body("application/json", body);
            }
            return http.call(request.build());
        });
    }

    /** GET /sell/inventory/v1/inventory_item with the query of the page asked for. */
    public MarketplaceResponse getInventoryItems(EbayAccount account, UnaryOperator<MarketplaceRequest.Builder> query) {
        return get(account, GET_INVENTORY_ITEMS, account.api("/sell/inventory/v1/inventory_item"), query);
    }

    /** GET /sell/inventory/v1/offer?sku= — the SKU's offers (published or not) and their listings. */
    public MarketplaceResponse getOffers(EbayAccount account, String sku) {
        return get(account, GET_OFFERS, account.api("/sell/inventory/v1/offer"), q -> q.query("sku", sku)
                .query("marketplace_id", account.marketplaceId()));
    }

    /** POST /sell/inventory/v1/bulk_update_price_quantity; 200 and 207 both carry per-item answers. */
    public MarketplaceResponse bulkUpdatePriceQuantity(EbayAccount account, String jsonBody) {
        return tokens(account).withToken(account.tokenKey(), account.grant(), token -> http.call(
                authorized(MarketplaceRequest.method("POST", BULK_UPDATE_PRICE_QUANTITY, account.rateKey(),
                        account.api("/sell/inventory/v1/bulk_update_price_quantity")), account, token.value())
                        .body("application/json", jsonBody)
                        .build()));
    }

    /** GET /commerce/identity/v1/user/ on apiz.ebay.com: who the seller is. */
    public MarketplaceResponse getUser(EbayAccount account) {
        return get(account, GET_USER, account.identity("/commerce/identity/v1/user/"), q -> q);
    }

    /** Reconnect: the next call trades the refresh token again. */
    public void forgetToken(EbayAccount account) {
        tokens(account).forget(account.tokenKey(), account.grant());
    }

    private MarketplaceResponse get(EbayAccount account, String operation, URI url,
                                    UnaryOperator<MarketplaceRequest.Builder> query) {
        return tokens(account).withToken(account.tokenKey(), account.grant(), token -> http.call(query.apply(
                authorized(MarketplaceRequest.get(operation, account.rateKey(), url), account, token.value())).build()));
    }

    private static MarketplaceRequest.Builder authorized(MarketplaceRequest.Builder request, EbayAccount account,
                                                         String token) {
        return request.secretHeader("Authorization", "Bearer " + token)
                .header("X-EBAY-C-MARKETPLACE-ID", account.marketplaceId())
                .header("Accept", "application/json");
    }

    private OAuth2TokenClient tokens(EbayAccount account) {
        return account.sandbox() ? sandboxTokens : productionTokens;
    }

    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @PreDestroy
    void close() {
        http.close();
    }
}

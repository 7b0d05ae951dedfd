package io.nexusconnect.amazon.client;

import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.MarketplaceHttpClient;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.amazon.auth.LwaClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * The SP-API operations the adapter uses, with the access token from LWA in {@code x-amz-access-token}. Each
 * operation's documented usage plan (rate per second, burst), the request-id header and {@code x-amzn-RateLimit-Limit}
 * feeding the bucket are declared in {@code application.properties} ({@code nexus.apis.sp-api.*}). Answers are the
 * raw {@link MarketplaceResponse}s; the callers read them.
 */
@ApplicationScoped
public class SpApiClient {
    public static final String GET_ORDERS = "getOrders";
    public static final String GET_ORDER_ITEMS = "getOrderItems";
    public static final String SEARCH_LISTINGS_ITEMS = "searchListingsItems";
    public static final String GET_MARKETPLACE_PARTICIPATIONS = "getMarketplaceParticipations";
    public static final String GET_LISTINGS_ITEM = "getListingsItem";
    public static final String PATCH_LISTINGS_ITEM = "patchListingsItem";

    /** The config group of the SP-API ({@code nexus.apis.sp-api.*}): documented usage plans per operation. */
    public static final String API = "sp-api";

    private final MarketplaceHttpClient http;
    private final LwaClient lwa;

    SpApiClient(MarketplaceApis apis, LwaClient lwa) {
        this.lwa = lwa;
        this.http = apis.open("amazon", API, builder -> builder.classifier(new SpApiErrorClassifier())).http();
    }

    /** GET /orders/v0/orders with the given query (the caller repeats the original filters with NextToken). */
    public MarketplaceResponse getOrders(AmazonAccount account, UnaryOperator<MarketplaceRequest.Builder> query) {
        return get(account, GET_ORDERS, "/orders/v0/orders", query);
    }

    public MarketplaceResponse getOrderItems(AmazonAccount account, String amazonOrderId, String nextToken) {
        return get(account, GET_ORDER_ITEMS, "/orders/v0/orders/" + segment(amazonOrderId) + "/orderItems",
                q -> q.query("NextToken", nextToken));
    }

    public MarketplaceResponse searchListingsItems(AmazonAccount account, UnaryOperator<MarketplaceRequest.Builder> query) {
        return get(account, SEARCH_LISTINGS_ITEMS, "/listings/2021-08-01/items/" + segment(account.sellingPartnerId()), query);
    }

    public MarketplaceResponse getMarketplaceParticipations(AmazonAccount account) {
        return get(account, GET_MARKETPLACE_PARTICIPATIONS, "/sellers/v1/marketplaceParticipations", q -> q);
    }

    /** GET /listings/2021-08-01/items/{sellerId}/{sku} with the given data sets, in the connection's marketplaces. */
    public MarketplaceResponse getListingsItem(AmazonAccount account, String sku, String includedData) {
        return get(account, GET_LISTINGS_ITEM, "/listings/2021-08-01/items/" + segment(account.sellingPartnerId()) + "/"
                + segment(sku), q -> q.query("marketplaceIds", String.join(",", account.marketplaceIds()))
                .query("includedData", includedData));
    }

    /** PATCH /listings/2021-08-01/items/{sellerId}/{sku}, e.g. a merge of fulfillment_availability for stock. */
    public MarketplaceResponse patchListingsItem(AmazonAccount account, String sku, String jsonBody) {
        return lwa.withToken(account, token -> http.call(MarketplaceRequest.method("PATCH", PATCH_LISTINGS_ITEM,
                        account.rateKey(), account.url("/listings/2021-08-01/items/" + segment(account.sellingPartnerId())
                                + "/" + segment(sku)))
                .query("marketplaceIds", String.join(",", account.marketplaceIds()))
                .secretHeader("x-amz-access-token", token.value())
                .header("Accept", "application/json")
                .body("application/json", jsonBody)
                .build()));
    }

    private MarketplaceResponse get(AmazonAccount account, String operation, String path,
                                    UnaryOperator<MarketplaceRequest.Builder> query) {
        return lwa.withToken(account, token -> http.call(query.apply(
                        MarketplaceRequest.get(operation, account.rateKey(), account.url(path))
                                .secretHeader("x-amz-access-token", token.value())
                                .header("Accept", "application/json"))
                .build()));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

}

package io.nexusconnect.amazon.client;

import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.MarketplaceHttpClient;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.amazon.auth.LwaClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
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
    public static final String CREATE_FEED_DOCUMENT = "createFeedDocument";
    public static final String CREATE_FEED = "createFeed";
    public static final String GET_FEED = "getFeed";
    public static final String GET_FEED_DOCUMENT = "getFeedDocument";
    public static final String CREATE_REPORT = "createReport";
    public static final String GET_REPORT = "getReport";
    public static final String GET_REPORT_DOCUMENT = "getReportDocument";
    /** Transfers to and from a pre-signed document URL: storage, not SP-API, so no usage plan and no access token. */
    public static final String UPLOAD_FEED_DOCUMENT = "uploadFeedDocument";
    public static final String DOWNLOAD_FEED_DOCUMENT = "downloadFeedDocument";

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

    /** POST /feeds/2021-06-30/documents, or /feeds: {@code operation} names which, {@code jsonBody} is the request. */
    public MarketplaceResponse postFeeds(AmazonAccount account, String operation, String path, String jsonBody) {
        return post(account, operation, "/feeds/2021-06-30/" + path, jsonBody);
    }

    /** POST /reports/2021-06-30/reports with a CreateReportSpecification; 202 {reportId}. */
    public MarketplaceResponse createReport(AmazonAccount account, String jsonBody) {
        return post(account, CREATE_REPORT, "/reports/2021-06-30/reports", jsonBody);
    }

    public MarketplaceResponse getReport(AmazonAccount account, String reportId) {
        return get(account, GET_REPORT, "/reports/2021-06-30/reports/" + segment(reportId), q -> q);
    }

    public MarketplaceResponse getReportDocument(AmazonAccount account, String reportDocumentId) {
        return get(account, GET_REPORT_DOCUMENT, "/reports/2021-06-30/documents/" + segment(reportDocumentId), q -> q);
    }

    private MarketplaceResponse post(AmazonAccount account, String operation, String path, String jsonBody) {
        return lwa.withToken(account, token -> http.call(MarketplaceRequest.method("POST", operation, account.rateKey(),
                        account.url(path))
                .secretHeader("x-amz-access-token", token.value())
                .header("Accept", "application/json")
                .body("application/json", jsonBody)
                .build()));
    }

    public MarketplaceResponse getFeed(AmazonAccount account, String feedId) {
        return get(account, GET_FEED, "/feeds/2021-06-30/feeds/" + segment(feedId), q -> q);
    }

    public MarketplaceResponse getFeedDocument(AmazonAccount account, String feedDocumentId) {
        return get(account, GET_FEED_DOCUMENT, "/feeds/2021-06-30/documents/" + segment(feedDocumentId), q -> q);
    }

    /**
     * PUT or GET on a pre-signed document URL that Amazon answered. The URL is its own authorization, so the access
     * token is never sent there; the caller has checked that the URL is one Amazon may answer (see FeedStockWriter).
     */
    public MarketplaceResponse transferDocument(AmazonAccount account, String method, URI presignedUrl,
                                                String contentType, String body) {
        MarketplaceRequest.Builder request = MarketplaceRequest.method(method,
                body == null ? DOWNLOAD_FEED_DOCUMENT : UPLOAD_FEED_DOCUMENT, account.rateKey(), presignedUrl);
        if (body != null) {
            request.body(contentType, body);
        }
        return http.call(request.build());
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

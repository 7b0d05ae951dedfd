package io.nexusconnect.walmart.client;

import io.nexusconnect.adapterkit.auth.oauth2.AuthorizedApi;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Endpoint;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClients;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.RequestSigner;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.walmart.config.WalmartConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.nexusconnect.adapterkit.client.QueryStrings.pathSegment;

/**
 * The Walmart operations the adapter uses. Every call carries {@code WM_SEC.ACCESS_TOKEN} (a client-credentials token
 * from {@code POST /v3/token} through the kit's OAuth2 client), {@code WM_SVC.NAME} and a fresh
 * {@code WM_QOS.CORRELATION_ID} per attempt (set by a request signer, so a retry is a new request to Walmart); Walmart
 * echoes the correlation id, which the kit logs and reports as the request id. Calls are paced by the configured
 * buckets and by Walmart's rate headers ({@link RateHeaderPacer}).
 */
@ApplicationScoped
public class WalmartApiClient {
    public static final String GET_ORDERS = "getAllOrders";
    public static final String ACKNOWLEDGE = "acknowledgeOrders";
    public static final String UPDATE_INVENTORY = "updateInventoryForAnItem";
    public static final String SUBMIT_FEED = "submitFeed";
    public static final String GET_FEED = "getFeedItemStatus";
    public static final String GET_ITEMS = "getAllItems";
    public static final String GET_ORDER = "getAnOrder";
    public static final String GET_SUBSCRIPTIONS = "getAllSubscriptions";
    public static final String CREATE_SUBSCRIPTION = "createSubscription";
    public static final String UPDATE_SUBSCRIPTION = "updateSubscription";
    public static final String DELETE_SUBSCRIPTION = "deleteSubscription";
    public static final String CORRELATION_ID = "WM_QOS.CORRELATION_ID";
    private static final String MARKETPLACE = "walmart";
    private static final String FEED_BOUNDARY = "nexus-walmart-feed-boundary";

    private final AuthorizedApi api;
    private final String serviceName;

    WalmartApiClient(MarketplaceApis apis, OAuth2TokenClients tokenClients, WalmartConfig config, Clock clock,
                     Sleeper sleeper) {
        this.serviceName = config.serviceName();
        // Decision (BEHAVIOR.md): the token call's correlation id is one per process, the endpoint's headers are fixed
        var tokens = tokenClients.open(MARKETPLACE, "walmart-token", url -> OAuth2Endpoint.basicForm("Walmart", url)
                .withHeader("WM_SVC.NAME", serviceName)
                .withHeader(CORRELATION_ID, "nexus-token-" + UUID.randomUUID())
                .withHeader("Accept", "application/json")
                .withDefaultLifetime(Duration.ofMinutes(15)));
        this.api = new AuthorizedApi(apis.open(MARKETPLACE, "walmart", builder -> builder.classifier(
                WalmartErrors.CLASSIFIER)), tokens, AuthorizedApi.TokenPlacement.header("WM_SEC.ACCESS_TOKEN"),
                new RateHeaderPacer(clock, sleeper));
    }

    /** GET /v3/orders with the first page's query, or {@code cursorQuery} (Walmart's nextCursor) for later ones. */
    public MarketplaceResponse getOrders(WalmartAccount account, String queryString) {
        return send(account, GET_ORDERS, "GET", "/v3/orders" + queryString, b -> b);
    }

    /** GET /v3/orders/{purchaseOrderId} (getAnOrder): {@code {"order": {...}}}, the order shape of getAllOrders. */
    public MarketplaceResponse getOrder(WalmartAccount account, String purchaseOrderId) {
        return send(account, GET_ORDER, "GET", "/v3/orders/" + pathSegment(purchaseOrderId), b -> b);
    }

    /** GET /v3/webhooks/subscriptions (notifications.json getAllSubscriptions): {@code {"events": [...]}}. */
    public MarketplaceResponse getSubscriptions(WalmartAccount account) {
        return send(account, GET_SUBSCRIPTIONS, "GET", "/v3/webhooks/subscriptions", b -> b);
    }

    /** POST /v3/webhooks/subscriptions with {@code {"events": [...]}}. */
    public MarketplaceResponse createSubscriptions(WalmartAccount account, String eventsJson) {
        return send(account, CREATE_SUBSCRIPTION, "POST", "/v3/webhooks/subscriptions",
                b -> b.body("application/json", eventsJson));
    }

    /** PATCH /v3/webhooks/subscriptions/{subscriptionId}. */
    public MarketplaceResponse updateSubscription(WalmartAccount account, String subscriptionId, String json) {
        return send(account, UPDATE_SUBSCRIPTION, "PATCH", "/v3/webhooks/subscriptions/" + pathSegment(subscriptionId),
                b -> b.body("application/json", json));
    }

    /** DELETE /v3/webhooks/subscriptions/{subscriptionId}. */
    public MarketplaceResponse deleteSubscription(WalmartAccount account, String subscriptionId) {
        return send(account, DELETE_SUBSCRIPTION, "DELETE", "/v3/webhooks/subscriptions/" + pathSegment(subscriptionId),
                b -> b);
    }

    /** POST /v3/orders/{purchaseOrderId}/acknowledge, no body: acknowledges every line. */
    public MarketplaceResponse acknowledge(WalmartAccount account, String purchaseOrderId) {
        return send(account, ACKNOWLEDGE, "POST", "/v3/orders/" + pathSegment(purchaseOrderId) + "/acknowledge",
                b -> b.body("application/json", ""));
    }

    /** PUT /v3/inventory?sku= with {@code {sku, quantity{unit: EACH, amount}}}. */
    public MarketplaceResponse putInventory(WalmartAccount account, String sku, int quantity) {
        String body = "{\"sku\":" + jsonString(sku) + ",\"quantity\":{\"unit\":\"EACH\",\"amount\":" + quantity + "}}";
        return send(account, UPDATE_INVENTORY, "PUT", "/v3/inventory?sku=" + pathSegment(sku),
                b -> b.body("application/json", body));
    }

    /** POST /v3/feeds?feedType=inventory with the feed file as multipart/form-data. */
    public MarketplaceResponse submitInventoryFeed(WalmartAccount account, String feedJson) {
        String multipart = "--" + FEED_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"inventory.json\"\r\nContent-Type: application/json\r\n\r\n" + feedJson + "\r\n--"
                + FEED_BOUNDARY + "--\r\n";
        return send(account, SUBMIT_FEED, "POST", "/v3/feeds?feedType=inventory",
                b -> b.body("multipart/form-data; boundary=" + FEED_BOUNDARY, multipart));
    }

    /** GET /v3/feeds/{feedId}?includeDetails=true: the feed's status and each item's. */
    public MarketplaceResponse getFeed(WalmartAccount account, String feedId) {
        return send(account, GET_FEED, "GET", "/v3/feeds/" + pathSegment(feedId) + "?includeDetails=true", b -> b);
    }

    /** GET /v3/items?nextCursor=&limit=: the first page with cursor {@code *}. */
    public MarketplaceResponse getItems(WalmartAccount account, String cursor, int limit) {
        return send(account, GET_ITEMS, "GET", "/v3/items?nextCursor=" + pathSegment(cursor) + "&limit=" + limit,
                b -> b);
    }

    /** Reconnect: the next call asks for a new token. */
    public void forgetToken(WalmartAccount account) {
        api.forgetToken(account);
    }

    private MarketplaceResponse send(WalmartAccount account, String operation, String method, String pathAndQuery,
                                     UnaryOperator<MarketplaceRequest.Builder> body) {
        return api.call(account, method, operation, pathAndQuery, request -> body.apply(request
                .header("WM_SVC.NAME", serviceName)
                .header("Accept", "application/json")
                .signer(WalmartApiClient::correlationId)));
    }

    /** A fresh correlation id for every attempt. */
    private static Map<String, String> correlationId(RequestSigner.OutgoingAttempt attempt, Clock clock) {
        return Map.of(CORRELATION_ID, UUID.randomUUID().toString());
    }

    static String jsonString(String value) {
        return io.nexusconnect.contracts.kafka.Json.mapper().valueToTree(value).toString();
    }
}

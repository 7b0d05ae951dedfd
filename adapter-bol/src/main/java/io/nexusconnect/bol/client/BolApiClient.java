package io.nexusconnect.bol.client;

import io.nexusconnect.adapterkit.auth.oauth2.AuthorizedApi;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Endpoint;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClients;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.UnaryOperator;

import static io.nexusconnect.adapterkit.client.QueryStrings.pathSegment;

/**
 * The bol calls: a client-credentials token ({@code POST /token}, Basic, through the kit's OAuth2 client) and
 * {@code Accept: application/vnd.retailer.v10+json} on every call (bol refuses another media type). Orders and
 * process statuses are here; every offer call is in {@link io.nexusconnect.bol.offers.BolOffers}.
 */
@ApplicationScoped
public class BolApiClient {
    public static final String V10_JSON = "application/vnd.retailer.v10+json";
    public static final String V10_CSV = "application/vnd.retailer.v10+csv";
    public static final String GET_ORDERS = "get-orders";
    public static final String GET_ORDER = "get-order";
    public static final String GET_PROCESS_STATUS = "get-process-status";
    public static final String GET_PROCESS_STATUS_BULK = "get-process-status-bulk";
    public static final String GET_SUBSCRIPTIONS = "get-push-notification-subscriptions";
    public static final String POST_SUBSCRIPTION = "post-push-notification-subscription";
    public static final String PUT_SUBSCRIPTION = "put-push-notification-subscription";
    public static final String DELETE_SUBSCRIPTION = "delete-push-notification-subscription";
    private static final String MARKETPLACE = "bol";

    private final AuthorizedApi api;

    BolApiClient(MarketplaceApis apis, OAuth2TokenClients tokenClients) {
        // Decision (BEHAVIOR.md): 299 s when bol's answer has no expires_in
        this.api = new AuthorizedApi(apis.open(MARKETPLACE, "bol", builder -> builder.classifier(BolErrors.CLASSIFIER)),
                tokenClients.open(MARKETPLACE, "bol-token", url -> OAuth2Endpoint.basicForm("bol", url)
                        .withHeader("Accept", "application/json").withDefaultLifetime(Duration.ofSeconds(299))));
    }

    /** GET /retailer/orders?page=&fulfilment-method=&status=OPEN. */
    public MarketplaceResponse getOrders(BolAccount account, String fulfilmentMethod, int page) {
        return send(account, GET_ORDERS, "GET", "/retailer/orders?status=OPEN&fulfilment-method="
                + pathSegment(fulfilmentMethod) + "&page=" + page, V10_JSON, b -> b);
    }

    /** GET /retailer/orders/{order-id}: offer reference, product and prices per item. */
    public MarketplaceResponse getOrder(BolAccount account, String orderId) {
        return send(account, GET_ORDER, "GET", "/retailer/orders/" + pathSegment(orderId), V10_JSON, b -> b);
    }

    /** GET /shared/process-status/{process-status-id} (Shared API). */
    public MarketplaceResponse getProcessStatus(BolAccount account, String processStatusId) {
        return send(account, GET_PROCESS_STATUS, "GET", "/shared/process-status/" + pathSegment(processStatusId),
                V10_JSON, b -> b);
    }

    /** POST /shared/process-status {@code {processStatusQueries:[{processStatusId}]}} (at most 1,000 ids). */
    public MarketplaceResponse getProcessStatuses(BolAccount account, java.util.List<String> processStatusIds) {
        var body = io.nexusconnect.contracts.kafka.Json.mapper().createObjectNode();
        var queries = body.putArray("processStatusQueries");
        processStatusIds.forEach(id -> queries.addObject().put("processStatusId", id));
        return send(account, GET_PROCESS_STATUS_BULK, "POST", "/shared/process-status", V10_JSON,
                b -> b.body(V10_JSON, body.toString()));
    }

    /** GET /retailer/subscriptions: {@code {subscriptions: [{id, resources, url, subscriptionType, enabled}]}}. */
    public MarketplaceResponse getSubscriptions(BolAccount account) {
        return send(account, GET_SUBSCRIPTIONS, "GET", "/retailer/subscriptions", V10_JSON, b -> b);
    }

    /** POST /retailer/subscriptions with a {@code SubscriptionRequest}: 202 with a process status. */
    public MarketplaceResponse postSubscription(BolAccount account, String subscriptionRequest) {
        return send(account, POST_SUBSCRIPTION, "POST", "/retailer/subscriptions", V10_JSON,
                b -> b.body(V10_JSON, subscriptionRequest));
    }

    /** PUT /retailer/subscriptions/{subscription-id} with a {@code SubscriptionRequest}: 202 with a process status. */
    public MarketplaceResponse putSubscription(BolAccount account, String subscriptionId, String subscriptionRequest) {
        return send(account, PUT_SUBSCRIPTION, "PUT", "/retailer/subscriptions/" + pathSegment(subscriptionId),
                V10_JSON,                b -> b.body(V10_JSON, subscriptionRequest));
    }

    /** DELETE /retailer/subscriptions/{subscription-id}: 202 with a process status. */
    public MarketplaceResponse deleteSubscription(BolAccount account, String subscriptionId) {
        return send(account, DELETE_SUBSCRIPTION, "DELETE", "/retailer/subscriptions/" + pathSegment(subscriptionId),
                V10_JSON, b -> b);
    }

    /** Reconnect: the next call asks for a new token. */
    public void forgetToken(BolAccount account) {
        api.forgetToken(account);
    }

    /** One authorized call with the given Accept type; a non-2xx answer is thrown, classified. */
    public MarketplaceResponse send(BolAccount account, String operation, String method, String pathAndQuery,
                                    String accept, UnaryOperator<MarketplaceRequest.Builder> body) {
        return api.call(account, method, operation, pathAndQuery,
                request -> body.apply(request.header("Accept", accept)));
    }
}

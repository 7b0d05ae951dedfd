package io.nexusconnect.zalando.client;

import io.nexusconnect.adapterkit.auth.oauth2.AuthorizedApi;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Endpoint;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClients;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

import static io.nexusconnect.adapterkit.client.QueryStrings.pathSegment;

/**
 * The zDirect operations the adapter uses, each with {@code Authorization: Bearer} (a client-credentials token from
 * {@code POST /auth/token} through the kit's OAuth2 client, refreshed ahead of expiry) and paced by the configured
 * per-minute buckets. The Orders API speaks JSON:API ({@code application/vnd.api+json}).
 */
@ApplicationScoped
public class ZalandoApiClient {
    public static final String ME = "authMe";
    public static final String GET_ORDERS = "getOrders";
    public static final String PATCH_ORDER = "patchOrder";
    public static final String POST_STOCKS = "postStocks";
    public static final String JSON_API = "application/vnd.api+json";
    private static final String MARKETPLACE = "zalando";

    private final AuthorizedApi api;

    ZalandoApiClient(MarketplaceApis apis, OAuth2TokenClients tokenClients) {
        // decision (BEHAVIOR.md): the token lifetime is not captured in the docs; expires_in decides, 1 h when absent
        this.api = new AuthorizedApi(apis.open(MARKETPLACE, "zalando", builder -> builder.classifier(
                ZalandoErrors.CLASSIFIER)), tokenClients.open(MARKETPLACE, "zalando-token",
                url -> OAuth2Endpoint.basicForm("Zalando", url).withHeader("Accept", "application/json")
                        .withDefaultLifetime(Duration.ofHours(1))));
    }

    /** GET /auth/me: the merchants the token may act for. */
    public MarketplaceResponse me(ZalandoAccount account) {
        return send(account, ME, "GET", "/auth/me", "application/json", b -> b);
    }

    /** GET /merchants/{merchant_id}/orders with the given query (without the leading {@code ?}). */
    public MarketplaceResponse getOrders(ZalandoAccount account, String query) {
        return send(account, GET_ORDERS, "GET", "/merchants/" + pathSegment(account.merchantId()) + "/orders?" + query,
                JSON_API, b -> b);
    }

    /** PATCH /merchants/{merchant_id}/orders/{order_id} with {@code merchant_order_id}: exports the order. */
    public MarketplaceResponse exportOrder(ZalandoAccount account, String orderId, String merchantOrderId) {
        String body = "{\"data\":{\"type\":\"Order\",\"id\":" + jsonString(orderId)
                + ",\"attributes\":{\"merchant_order_id\":" + jsonString(merchantOrderId) + "}}}";
        return send(account, PATCH_ORDER, "PATCH", "/merchants/" + pathSegment(account.merchantId()) + "/orders/"
                + pathSegment(orderId), JSON_API, b -> b.body(JSON_API, body));
    }

    /** POST /merchants/{merchant_id}/stocks with {@code {items:[{sales_channel_id, ean, quantity}]}}. */
    public MarketplaceResponse postStocks(ZalandoAccount account, String body) {
        return send(account, POST_STOCKS, "POST", "/merchants/" + pathSegment(account.merchantId()) + "/stocks",
                "application/json", b -> b.body("application/json", body));
    }

    /** Reconnect: the next call asks for a new token. */
    public void forgetToken(ZalandoAccount account) {
        api.forgetToken(account);
    }

    private MarketplaceResponse send(ZalandoAccount account, String operation, String method, String pathAndQuery,
                                     String accept, UnaryOperator<MarketplaceRequest.Builder> body) {
        return api.call(account, method, operation, pathAndQuery,
                request -> body.apply(request.header("Accept", accept)));
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String jsonString(String value) {
        return io.nexusconnect.contracts.kafka.Json.mapper().valueToTree(value).toString();
    }
}

package io.nexusconnect.zalando.client;

import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Endpoint;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClient;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClients;
import io.nexusconnect.adapterkit.client.MarketplaceApi;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

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

    private final MarketplaceApi api;
    private final OAuth2TokenClient tokens;
    private final ZalandoErrorClassifier classifier = new ZalandoErrorClassifier();

    ZalandoApiClient(MarketplaceApis apis, OAuth2TokenClients tokenClients) {
        this.api = apis.open(MARKETPLACE, "zalando", builder -> builder.classifier(classifier));
        // decision (BEHAVIOR.md): the token lifetime is not captured in the docs; expires_in decides, 1 h when absent
        this.tokens = tokenClients.open(MARKETPLACE, "zalando-token", url -> OAuth2Endpoint.basicForm("Zalando", url)
                .withHeader("Accept", "application/json").withDefaultLifetime(Duration.ofHours(1)));
    }

    /** GET /auth/me: the merchants the token may act for. */
    public MarketplaceResponse me(ZalandoAccount account) {
        return send(account, ME, "GET", "/auth/me", "application/json", b -> b);
    }

    /** GET /merchants/{merchant_id}/orders with the given query (without the leading {@code ?}). */
    public MarketplaceResponse getOrders(ZalandoAccount account, String query) {
        return send(account, GET_ORDERS, "GET", "/merchants/" + segment(account.merchantId()) + "/orders?" + query,
                JSON_API, b -> b);
    }

    /** PATCH /merchants/{merchant_id}/orders/{order_id} with {@code merchant_order_id}: exports the order. */
    public MarketplaceResponse exportOrder(ZalandoAccount account, String orderId, String merchantOrderId) {
        String body = "{\"data\":{\"type\":\"Order\",\"id\":" + jsonString(orderId)
                + ",\"attributes\":{\"merchant_order_id\":" + jsonString(merchantOrderId) + "}}}";
        return send(account, PATCH_ORDER, "PATCH", "/merchants/" + segment(account.merchantId()) + "/orders/"
                + segment(orderId), JSON_API, b -> b.body(JSON_API, body));
    }

    /** POST /merchants/{merchant_id}/stocks with {@code {items:[{sales_channel_id, ean, quantity}]}}. */
    public MarketplaceResponse postStocks(ZalandoAccount account, String body) {
        return send(account, POST_STOCKS, "POST", "/merchants/" + segment(account.merchantId()) + "/stocks",
                "application/json", b -> b.body("application/json", body));
    }

    /** Reconnect: the next call asks for a new token. */
    public void forgetToken(ZalandoAccount account) {
        tokens.forget(account.rateKey(), account.grant());
    }

    private MarketplaceResponse send(ZalandoAccount account, String operation, String method, String pathAndQuery,
                                     String accept, UnaryOperator<MarketplaceRequest.Builder> body) {
        URI url = api.url(pathAndQuery);
        return tokens.withToken(account.rateKey(), account.grant(), token -> {
            MarketplaceRequest request = body.apply(MarketplaceRequest.method(method, operation, account.rateKey(),
                    url).secretHeader("Authorization", "Bearer " + token.value()).header("Accept", accept)).build();
            MarketplaceResponse response = api.http().send(request);
            if (!response.isSuccess()) {
                throw classifier.toException(operation, response);
            }
            return response;
        });
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String jsonString(String value) {
        return io.nexusconnect.contracts.kafka.Json.mapper().valueToTree(value).toString();
    }
}

package io.nexusconnect.kaufland.client;

import io.nexusconnect.adapterkit.client.MarketplaceHttpClient;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.RetryPolicy;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.kaufland.config.KauflandConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The Kaufland operations the adapter uses. Every attempt is signed by the connection's {@link KauflandSigner} (the
 * kit signs again after a backoff, with a fresh timestamp); {@code Accept} and the configured {@code User-Agent} go on
 * every request. Each operation is paced at the configured per-seller rate.
 */
@ApplicationScoped
public class KauflandApiClient {
    public static final String PING = "ping";
    public static final String GET_ORDER_UNITS = "getOrderUnits";
    public static final String GET_ORDER = "getOrder";
    public static final String GET_UNITS = "getUnits";
    public static final String PATCH_UNIT = "patchUnit";
    public static final String BULK_UPDATE_UNITS = "bulkUpdateUnits";
    public static final String GET_ORDER_UNIT = "getOrderUnit";
    public static final String GET_SUBSCRIPTIONS = "getSubscriptions";
    public static final String ADD_SUBSCRIPTION = "addSubscription";
    public static final String UPDATE_SUBSCRIPTION = "updateSubscription";
    public static final String DELETE_SUBSCRIPTION = "deleteSubscription";

    private final MarketplaceHttpClient http;

    KauflandApiClient(Vertx vertx, KauflandConfig config, Clock clock, Sleeper sleeper) {
        MarketplaceHttpClient.Builder builder = MarketplaceHttpClient.builder(vertx).clock(clock).sleeper(sleeper)
                .speedFactor(config.speedFactor())
                .retryPolicy(new RetryPolicy(config.maxAttempts(), Duration.ofSeconds(1), Duration.ofSeconds(30),
                        config.maxRetryWait(), config.requestTimeout()))
                .classifier(new KauflandErrorClassifier())
                .userAgent(config.userAgent());
        int burst = (int) Math.max(1, Math.floor(config.requestsPerSecond()));
        for (String operation : List.of(PING, GET_ORDER_UNITS, GET_ORDER, GET_UNITS, PATCH_UNIT, BULK_UPDATE_UNITS,
                GET_ORDER_UNIT, GET_SUBSCRIPTIONS, ADD_SUBSCRIPTION, UPDATE_SUBSCRIPTION, DELETE_SUBSCRIPTION)) {
            builder.limit(operation, config.requestsPerSecond(), burst);
        }
        this.http = builder.build();
    }

    /** GET /status/ping. */
    public MarketplaceResponse ping(KauflandAccount account) {
        return get(account, PING, "/status/ping", q -> q);
    }

    /** GET /order-units with the given query. */
    public MarketplaceResponse getOrderUnits(KauflandAccount account, UnaryOperator<MarketplaceRequest.Builder> query) {
        return get(account, GET_ORDER_UNITS, "/order-units", query);
    }

    /** GET /orders/{id_order}: the order with all its units. */
    public MarketplaceResponse getOrder(KauflandAccount account, String idOrder) {
        return get(account, GET_ORDER, "/orders/" + URLEncoder.encode(idOrder, StandardCharsets.UTF_8), q -> q);
    }

    /** GET /order-units/{id_order_unit}: one unit, which names its order. */
    public MarketplaceResponse getOrderUnit(KauflandAccount account, String idOrderUnit) {
        return get(account, GET_ORDER_UNIT, "/order-units/" + URLEncoder.encode(idOrderUnit, StandardCharsets.UTF_8),
                q -> q);
    }

    /** GET /subscriptions (limit ≤ 30, offset): the seller's push subscriptions of every storefront. */
    public MarketplaceResponse getSubscriptions(KauflandAccount account, int limit, long offset) {
        return get(account, GET_SUBSCRIPTIONS, "/subscriptions", q -> q.query("limit", Integer.toString(limit))
                .query("offset", Long.toString(offset)));
    }

    /** POST /subscriptions?storefront= with {@code {callback_url, fallback_email, event_name}}. */
    public MarketplaceResponse addSubscription(KauflandAccount account, String storefront, String jsonBody) {
        return http.call(signed(MarketplaceRequest.method("POST", ADD_SUBSCRIPTION, account.rateKey(),
                account.api("/subscriptions")), account).query("storefront", storefront)
                .body("application/json", jsonBody).build());
    }

    /** PATCH /subscriptions/{id_subscription}. */
    public MarketplaceResponse updateSubscription(KauflandAccount account, String idSubscription, String jsonBody) {
        return http.call(signed(MarketplaceRequest.method("PATCH", UPDATE_SUBSCRIPTION, account.rateKey(),
                account.api("/subscriptions/" + idSubscription)), account).body("application/json", jsonBody).build());
    }

    /** DELETE /subscriptions/{id_subscription} (204). */
    public MarketplaceResponse deleteSubscription(KauflandAccount account, String idSubscription) {
        return http.call(signed(MarketplaceRequest.method("DELETE", DELETE_SUBSCRIPTION, account.rateKey(),
                account.api("/subscriptions/" + idSubscription)), account).build());
    }

    /** GET /units of one storefront. */
    public MarketplaceResponse getUnits(KauflandAccount account, UnaryOperator<MarketplaceRequest.Builder> query) {
        return get(account, GET_UNITS, "/units", query);
    }

    /** PATCH /units/{id_unit}?storefront= with the JSON body. */
    public MarketplaceResponse patchUnit(KauflandAccount account, long idUnit, String storefront, String jsonBody) {
        return http.call(signed(MarketplaceRequest.method("PATCH", PATCH_UNIT, account.rateKey(),
                account.api("/units/" + idUnit)), account).query("storefront", storefront)
                .body("application/json", jsonBody).build());
    }

    /** POST /units/bulk?storefront= (at most 150 units); 207 carries per-unit answers. */
    public MarketplaceResponse bulkUpdateUnits(KauflandAccount account, String storefront, String jsonBody) {
        return http.call(signed(MarketplaceRequest.method("POST", BULK_UPDATE_UNITS, account.rateKey(),
                account.api("/units/bulk")), account).query("storefront", storefront)
                .body("application/json", jsonBody).build());
    }

    private MarketplaceResponse get(KauflandAccount account, String operation, String path,
                                    UnaryOperator<MarketplaceRequest.Builder> query) {
        return http.call(query.apply(signed(MarketplaceRequest.get(operation, account.rateKey(), account.api(path)),
                account)).build());
    }

    private static MarketplaceRequest.Builder signed(MarketplaceRequest.Builder request, KauflandAccount account) {
        return request.header("Accept", "application/json").signer(account.signer());
    }

    @PreDestroy
    void close() {
        http.close();
    }
}

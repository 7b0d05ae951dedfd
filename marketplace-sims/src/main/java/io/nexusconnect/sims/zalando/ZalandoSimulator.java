package io.nexusconnect.sims.zalando;

import io.nexusconnect.sims.common.auth.AccessTokens;
import io.nexusconnect.sims.common.auth.BasicCredentials;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.http.GatewayDispatch;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.lifecycle.Simulator;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/**
 * A Zalando zDirect simulator: the client-credentials token ({@code POST /auth/token}, Basic auth), {@code GET
 * /auth/me}, the Orders API as JSON:API documents with the export PATCH, the Stocks API with per-item results, the
 * documented per-minute quotas (429 + Retry-After), fault injection. What and why: BEHAVIOR-zalando.md.
 */
public final class ZalandoSimulator extends Simulator<ZalandoSimConfig> {

    /** The demo merchant's API client. The values are fake and public. */
    public record DemoIdentity(String clientId, String clientSecret, String merchantName) {
        @Override
        public String toString() {
            return "DemoIdentity[clientId=" + clientId + ", clientSecret=***, merchantName=" + merchantName + "]";
        }
    }

    public static final DemoIdentity DEMO = new DemoIdentity("nexus-demo-zalando-client",
            "nexus-demo-zalando-client-secret-0001", "Nexus Demo Zalando Merchant");

    public static final String TOKEN = "authToken";
    public static final String ME = "authMe";
    public static final String GET_ORDERS = "getOrders";
    public static final String PATCH_ORDER = "patchOrder";
    public static final String POST_STOCKS = "postStocks";

    private final ZalandoStore store;
    private final AccessTokens tokens;

    private ZalandoSimulator(ZalandoSimConfig config) {
        super(config, "Zalando simulator");
        this.store = new ZalandoStore(config);
        this.tokens = new AccessTokens(config.clock(), config.tokenTtl(), "zd-at-");
        listen(router());
    }

    public static ZalandoSimulator start(ZalandoSimConfig config) {
        return new ZalandoSimulator(config);
    }

    private Router router() {
        Router router = router(10 * 1024 * 1024);
        router.post("/auth/token").handler(new GatewayDispatch(vertx(), faults(), requestLog()).route(
                GatewayDispatch.Operation.tokenEndpoint(TOKEN), this::token, () -> ZalandoErrors.serverError(500),
                GatewayDispatch.Delivery.AS_IS));
        ZalandoGateway gateway = new ZalandoGateway(vertx(), tokens, faults(), requestLog());
        OrdersApi orders = new OrdersApi(store, config().merchantId(), config().maxPageSize());
        StocksApi stocks = new StocksApi(store, config().merchantId(), config().maxStockItemsPerRequest());
        List<ZalandoGateway.Quota> listQuota = List.of(new ZalandoGateway.Quota(
                new MinuteWindow(config().clock(), config().getOrdersPerMinute()), body -> 1));
        List<ZalandoGateway.Quota> patchQuota = List.of(new ZalandoGateway.Quota(
                new MinuteWindow(config().clock(), config().patchesPerMinute()), body -> 1));
        List<ZalandoGateway.Quota> stockQuota = List.of(
                new ZalandoGateway.Quota(new MinuteWindow(config().clock(), config().stockRequestsPerMinute()),
                        body -> 1),
                new ZalandoGateway.Quota(new MinuteWindow(config().clock(), config().stockUpdatesPerMinute()),
                        StocksApi::updates));
        router.get("/auth/me").handler(gateway.route(ME, List.of(), this::me));
        router.get("/merchants/:merchant_id/orders").handler(gateway.route(GET_ORDERS, listQuota, orders::list));
        router.patch("/merchants/:merchant_id/orders/:order_id").handler(gateway.route(PATCH_ORDER, patchQuota,
                orders::patch));
        router.post("/merchants/:merchant_id/stocks").handler(gateway.route(POST_STOCKS, stockQuota, stocks::post));
        router.route().last().handler(ctx -> ZalandoErrors.problem(404, "Not Found", "No such resource")
                .send(ctx));
        return router;
    }

    private SimResponse me(ZalandoCall call) {
        var body = Json.object().put("merchant_name", DEMO.merchantName());
        body.putArray("bpids").add(config().merchantId());
        return SimResponse.json(200, body);
    }

    /** {@code POST /auth/token}: Basic client id/secret, {@code grant_type=client_credentials}, form-encoded. */
    private SimResponse token(RoutingContext ctx, Optional<Fault> fault) {
        SimResponse response;
        String body = ctx.body() == null ? "" : ctx.body().asString();
        if (fault.isPresent() && fault.get() instanceof Fault.ServerError s) {
            response = ZalandoErrors.serverError(s.status());
        } else if (fault.isPresent() && fault.get() instanceof Fault.RateLimit r) {
            response = ZalandoErrors.tooManyRequests(r.retryAfter().toSeconds());
        } else if ((fault.isPresent() && (fault.get() instanceof Fault.InvalidClient
                || fault.get() instanceof Fault.InvalidGrant)) || !BasicCredentials.matches(ctx.request()
                .getHeader("Authorization"), DEMO.clientId(), DEMO.clientSecret())) {
            response = SimResponse.json(401, Json.object().put("error", "invalid_client")
                    .put("error_description", "Bad client credentials"));
        } else if (body == null || !body.contains("grant_type=client_credentials")) {
            response = SimResponse.json(400, Json.object().put("error", "unsupported_grant_type")
                    .put("error_description", "grant_type must be client_credentials"));
        } else {
            response = SimResponse.json(200, Json.object().put("access_token", tokens.issue())
                    .put("token_type", "Bearer").put("expires_in", tokens.ttlSeconds()));
        }
        return response;
    }


    public ZalandoStore store() {
        return store;
    }
}

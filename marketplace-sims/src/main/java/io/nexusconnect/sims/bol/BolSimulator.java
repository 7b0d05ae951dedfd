package io.nexusconnect.sims.bol;

import io.nexusconnect.sims.common.auth.AccessTokens;
import io.nexusconnect.sims.common.lifecycle.Simulator;
import io.nexusconnect.sims.common.webhooks.WebhookPusher;
import io.vertx.ext.web.Router;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A bol.com Retailer API v10 simulator: client-credentials tokens (Basic, short-lived), the v10 media type on every
 * call, open orders of both fulfilment methods page by page, order detail, the process-status model for writes
 * ({@code PENDING} → {@code SUCCESS}/{@code FAILURE}/{@code TIMEOUT}), the offer export and the offer stock update,
 * per-operation rate limits with 429 + {@code Retry-After}, and fault injection. What and why: adapter-bol/BEHAVIOR.md.
 */
public final class BolSimulator extends Simulator<BolSimConfig> {

    /** The demo retailer's API credentials. Fake and public. */
    public record DemoIdentity(String clientId, String clientSecret, String retailerName) {
        @Override
        public String toString() {
            return "DemoIdentity[clientId=" + clientId + ", clientSecret=***, retailerName=" + retailerName + "]";
        }
    }

    public static final DemoIdentity DEMO = new DemoIdentity("7c1f2b9e-5d3a-4e8f-9b21-0a6c4d8e2f13",
            "Rk9yRGVtb09ubHktYm9sLXNpbXVsYXRvci1zZWNyZXQtMDEyMzQ1Njc4OQ", "Nexus Demo Winkel");

    private final BolStore store;
    private final AccessTokens tokens;
    private final WebhookPusher pusher = new WebhookPusher(PUSH_RETRIES);
    private BolSubscriptions subscriptions;

    /** bol retries a push 10 times over 10 minutes, then disables the subscription (reference §5.4). */
    static final List<Duration> PUSH_RETRIES = java.util.Collections.nCopies(10, Duration.ofMinutes(1));

    /** The demo retailer's id in pushes. */
    public static final String RETAILER_ID = "1234567";

    private BolSimulator(BolSimConfig config) {
        super(config, "bol simulator");
        Instant now = config.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        this.store = new BolStore(config.seed(), config.orderCount(), config.offerCount(), now);
        this.tokens = new AccessTokens(config.clock(), config.tokenTtl(), "bol-at-");
        listen(router());
    }

    public static BolSimulator start(BolSimConfig config) {
        return new BolSimulator(config);
    }

    private Router router() {
        Router router = router(2 * 1024 * 1024);
        BolGateway gateway = new BolGateway(vertx(), tokens, faults(), requestLog(), config().clock(),
                config().limits());
        BolApi api = new BolApi(store, config().processingTime(), "");
        subscriptions = new BolSubscriptions(store, api, config().processingTime(), pusher, config().clock(),
                RETAILER_ID);
        String json = BolGateway.JSON_V10;
        router.post("/token").handler(new BolTokenEndpoint(Map.of(DEMO.clientId(), DEMO.clientSecret()), tokens,
                faults(), requestLog())::handle);
        router.get("/retailer/orders").handler(gateway.route("get-orders", json, api::orders));
        router.get("/retailer/orders/:orderId").handler(gateway.route("get-order", json, api::order));
        router.put("/retailer/offers/:offerId/stock").handler(gateway.route("update-offer-stock", json,
                api::updateStock));
        router.post("/retailer/offers/export").handler(gateway.route("post-offer-export", json, api::requestExport));
        router.get("/retailer/offers/export/:reportId").handler(gateway.route("get-offer-export",
                BolGateway.CSV_V10, api::export));
        router.get("/shared/process-status/:id").handler(gateway.route("get-process-status", json,
                api::processStatus));
        router.post("/shared/process-status").handler(gateway.route("get-process-status-bulk", json,
                api::processStatuses));
        router.get("/retailer/subscriptions").handler(gateway.route("get-push-notification-subscriptions", json,
                subscriptions::list));
        router.post("/retailer/subscriptions").handler(gateway.route("post-push-notification-subscription", json,
                subscriptions::create));
        router.get("/retailer/subscriptions/:subscriptionId").handler(gateway.route(
                "get-push-notification-subscription", json, subscriptions::get));
        router.put("/retailer/subscriptions/:subscriptionId").handler(gateway.route(
                "put-push-notification-subscription", json, subscriptions::update));
        router.delete("/retailer/subscriptions/:subscriptionId").handler(gateway.route(
                "delete-push-notification-subscription", json, subscriptions::delete));
        router.post("/__sim/orders").handler(this::placeOrderHook);
        router.route().last().handler(ctx -> BolProblems.notFound("Resource").send(ctx));
        return router;
    }

    /** An order placed and what was pushed for it. */
    public record PlacedOrder(BolStore.Order order, List<WebhookPusher.Push> pushes) {
    }

    /** Places an open order now of {@code quantity} pieces of the offer and pushes ORDER/NEW to the subscribers. */
    public PlacedOrder placeOrder(String offerId, int quantity) {
        BolStore.Order order = store.place(offerId, quantity,
                config().clock().instant().truncatedTo(ChronoUnit.SECONDS));
        return new PlacedOrder(order, subscriptions.orderNew(order.orderId()));
    }

    /** Admin hook {@code POST /__sim/orders {"offerId", "quantity"}}: places an order, pushes; 201 {orderId, pushes}. */
    private void placeOrderHook(io.vertx.ext.web.RoutingContext ctx) {
        var body = io.nexusconnect.sims.common.http.Json.parseOrNull(ctx.body() == null ? null : ctx.body().asString());
        try {
            PlacedOrder placed = placeOrder(body.path("offerId").asText(), Math.max(1, body.path("quantity").asInt(1)));
            io.nexusconnect.sims.common.http.SimResponse.json(201, io.nexusconnect.sims.common.http.Json.object()
                    .put("orderId", placed.order().orderId()).put("pushes", placed.pushes().size())).send(ctx);
        } catch (RuntimeException e) {
            BolProblems.badRequest("offerId of a known offer is required.").send(ctx);
        }
    }

    /** The subscriptions as bol keeps them: {id, resources, url, subscriptionType, enabled}. */
    public List<Map<String, Object>> subscriptions() {
        return subscriptions.subscriptions().stream().map(s -> Map.<String, Object>of("id", s.id(), "resources",
                s.resources(), "url", s.url(), "subscriptionType", s.subscriptionType(), "enabled", s.enabled()))
                .toList();
    }

    public WebhookPusher pusher() {
        return pusher;
    }

    /** The token endpoint (bol's {@code https://login.bol.com/token}); {@link #baseUrl()} is bol's API host. */
    public String tokenUrl() {
        return baseUrl() + "/token";
    }

    public BolStore store() {
        return store;
    }

    @Override
    protected void stopping() {
        pusher.close();
    }
}

package io.nexusconnect.sims.walmart;

import io.nexusconnect.sims.common.auth.AccessTokens;
import io.nexusconnect.sims.common.auth.BasicCredentials;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.http.GatewayDispatch;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.lifecycle.Simulator;
import io.nexusconnect.sims.common.webhooks.WebhookPusher;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A Walmart Marketplace (US) simulator: the client-credentials token ({@code POST /v3/token}, Basic auth), the
 * gateway's required headers, orders with cursor paging and acknowledgement, single-SKU inventory, the inventory
 * feed, items with publish status, per-operation token buckets with Walmart's rate headers, fault injection.
 * What and why: BEHAVIOR-walmart.md.
 */
public final class WalmartSimulator extends Simulator<WalmartSimConfig> {

    /** The demo seller's application. The values are fake and public. */
    public record DemoIdentity(String clientId, String clientSecret, String sellerName) {
        @Override
        public String toString() {
            return "DemoIdentity[clientId=" + clientId + ", clientSecret=***, sellerName=" + sellerName + "]";
        }
    }

    public static final DemoIdentity DEMO = new DemoIdentity("8c2f6a5e-0d3b-4e7a-9f11-nexus-demo-wm",
            "nexus-demo-walmart-client-secret-0001", "Nexus Demo Walmart Seller");

    public static final String TOKEN = "getToken";
    public static final String GET_ORDERS = "getAllOrders";
    public static final String ACKNOWLEDGE = "acknowledgeOrders";
    public static final String UPDATE_INVENTORY = "updateInventoryForAnItem";
    public static final String GET_INVENTORY = "getInventory";
    public static final String SUBMIT_FEED = "submitFeed";
    public static final String GET_FEED = "getFeedItemStatus";
    public static final String GET_ITEMS = "getAllItems";
    public static final String GET_ORDER = "getAnOrder";
    public static final String GET_SUBSCRIPTIONS = "getAllSubscriptions";
    public static final String CREATE_SUBSCRIPTION = "createSubscription";
    public static final String UPDATE_SUBSCRIPTION = "updateSubscription";
    public static final String DELETE_SUBSCRIPTION = "deleteSubscription";
    public static final String GET_EVENT_TYPES = "getEventTypes";
    /** The demo seller's partner id in notifications. */
    public static final String PARTNER_ID = "10000682332";

    private final WalmartStore store;
    private final AccessTokens tokens;
    private final WebhookPusher pusher;
    private final NotificationsApi notifications;

    private WalmartSimulator(WalmartSimConfig config) {
        super(config, "Walmart simulator");
        this.store = new WalmartStore(config);
        this.pusher = new WebhookPusher(config.pushRetryDelays());
        this.notifications = new NotificationsApi(pusher, config.clock(), PARTNER_ID);
        this.tokens = new AccessTokens(config.clock(), config.tokenTtl(), "wm-at-");
        listen(router());
    }

    public static WalmartSimulator start(WalmartSimConfig config) {
        return new WalmartSimulator(config);
    }

    private Router router() {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(10 * 1024 * 1024);
        // a feed file arrives as multipart/form-data: kept as raw text for the feed handler to take its JSON part
        Router router = router(ctx -> {
            String type = ctx.request().getHeader("Content-Type");
            if (type != null && type.startsWith("multipart/")) {
                ctx.request().body().onSuccess(raw -> {
                    ctx.put(WalmartGateway.RAW_BODY, raw.toString(StandardCharsets.UTF_8));
                    ctx.next();
                }).onFailure(ctx::fail);
            } else {
                bodies.handle(ctx);
            }
        });
        router.post("/v3/token").handler(new GatewayDispatch(vertx(), faults(), requestLog()).route(
                GatewayDispatch.Operation.tokenEndpoint(TOKEN), this::token, () -> WalmartErrors.systemError(500),
                GatewayDispatch.Delivery.AS_IS));
        WalmartGateway gateway = new WalmartGateway(vertx(), tokens, faults(), requestLog(), config().clock(),
                config().buckets());
        OrdersApi orders = new OrdersApi(store, config().chargeBasis());
        InventoryApi inventory = new InventoryApi(store, config().feedsPerHour(), config().feedProcessing());
        ItemsApi items = new ItemsApi(store);
        router.post("/__sim/orders").handler(this::placeOrder);
        router.get("/v3/orders").handler(gateway.route(GET_ORDERS, orders::getAll));
        router.get("/v3/orders/:purchaseOrderId").handler(gateway.route(GET_ORDER, orders::get));
        router.get("/v3/webhooks/eventTypes").handler(gateway.route(GET_EVENT_TYPES, notifications::eventTypes));
        router.get("/v3/webhooks/subscriptions").handler(gateway.route(GET_SUBSCRIPTIONS, notifications::list));
        router.post("/v3/webhooks/subscriptions").handler(gateway.route(CREATE_SUBSCRIPTION, notifications::create));
        router.patch("/v3/webhooks/subscriptions/:subscriptionId").handler(gateway.route(UPDATE_SUBSCRIPTION,
                notifications::update));
        router.delete("/v3/webhooks/subscriptions/:subscriptionId").handler(gateway.route(DELETE_SUBSCRIPTION,
                notifications::delete));
        router.post("/v3/orders/:purchaseOrderId/acknowledge").handler(gateway.route(ACKNOWLEDGE,
                orders::acknowledge));
        router.put("/v3/inventory").handler(gateway.route(UPDATE_INVENTORY, inventory::put));
        router.get("/v3/inventory").handler(gateway.route(GET_INVENTORY, inventory::get));
        router.post("/v3/feeds").handler(gateway.route(SUBMIT_FEED, inventory::submitFeed));
        router.get("/v3/feeds/:feedId").handler(gateway.route(GET_FEED, inventory::getFeed));
        router.get("/v3/items").handler(gateway.route(GET_ITEMS, items::getAll));
        router.route().last().handler(ctx -> WalmartErrors.notFound("CONTENT_NOT_FOUND.GMP_GATEWAY_API",
                "Resource not found.").send(ctx));
        return router;
    }

    /** {@code POST /v3/token}: Basic client id/secret, {@code grant_type=client_credentials}, auth.json. */
    private SimResponse token(RoutingContext ctx, Optional<Fault> fault) {
        SimResponse response;
        String grant = ctx.request().getFormAttribute("grant_type");
        if (grant == null && ctx.body() != null) {
            String body = ctx.body().asString();
            grant = body != null && body.contains("grant_type=client_credentials") ? "client_credentials" : null;
        }
        if (fault.isPresent() && fault.get() instanceof Fault.ServerError s) {
            response = WalmartErrors.systemError(s.status());
        } else if (fault.isPresent() && fault.get() instanceof Fault.RateLimit) {
            response = WalmartErrors.tooManyRequests();
        } else if ((fault.isPresent() && (fault.get() instanceof Fault.InvalidClient
                || fault.get() instanceof Fault.InvalidGrant)) || !BasicCredentials.matches(ctx.request()
                .getHeader("Authorization"), DEMO.clientId(), DEMO.clientSecret())) {
            response = WalmartErrors.of(401, "UNAUTHORIZED.GMP_GATEWAY_API", "clientId",
                    "Invalid client id or secret", "ERROR", "DATA");
        } else if (!"client_credentials".equals(grant)) {
            response = WalmartErrors.badRequest("INVALID_REQUEST_CONTENT.GMP_GATEWAY_API", "grant_type",
                    "grant_type must be client_credentials");
        } else if (ctx.request().getHeader(WalmartGateway.CORRELATION_ID) == null
                || ctx.request().getHeader(WalmartGateway.SERVICE_NAME) == null) {
            response = WalmartErrors.missingHeader(ctx.request().getHeader(WalmartGateway.SERVICE_NAME) == null
                    ? WalmartGateway.SERVICE_NAME : WalmartGateway.CORRELATION_ID);
        } else {
            response = SimResponse.json(200, Json.object().put("access_token", tokens.issue())
                    .put("token_type", "Bearer").put("expires_in", tokens.ttlSeconds()));
        }
        return response;
    }

    /**
     * Admin hook {@code POST /__sim/orders} {@code {"sku": "...", "quantity": n}}: places a Created order now and
     * pushes PO_CREATED to the subscribers; answers 201 {@code {purchaseOrderId, pushes}}.
     */
    private void placeOrder(RoutingContext ctx) {
        com.fasterxml.jackson.databind.JsonNode body = Json.parseOrNull(ctx.body() == null ? null
                : ctx.body().asString());
        String sku = body == null ? null : body.path("sku").asText(null);
        int quantity = body == null ? 1 : body.path("quantity").asInt(1);
        if (sku == null || store.item(sku).isEmpty() || quantity < 1) {
            SimResponse.json(400, Json.object().put("error", "sku of a known item and quantity >= 1 required"))
                    .send(ctx);
            return;
        }
        PlacedOrder placed = placeOrder(sku, quantity);
        SimResponse.json(201, Json.object().put("purchaseOrderId", placed.order().purchaseOrderId)
                .put("pushes", placed.pushes().size())).send(ctx);
    }

    /** An order placed and what was pushed for it. */
    public record PlacedOrder(WalmartStore.PurchaseOrder order, List<WebhookPusher.Push> pushes) {
    }

    /** Places a Created order now and pushes PO_CREATED to every active subscription of the event. */
    public PlacedOrder placeOrder(String sku, int quantity) {
        WalmartStore.PurchaseOrder order = store.place(sku, quantity);
        return new PlacedOrder(order, notifications.orderCreated(order));
    }

    /** The Notifications API's subscriptions. */
    public List<NotificationsApi.Subscription> subscriptions() {
        return notifications.subscriptions();
    }

    public WebhookPusher pusher() {
        return pusher;
    }

    public WalmartStore store() {
        return store;
    }

    @Override
    protected void stopping() {
        pusher.close();
    }
}

package io.nexusconnect.sims.kaufland;

import io.nexusconnect.sims.common.lifecycle.Simulator;
import io.nexusconnect.sims.common.webhooks.WebhookPusher;
import io.nexusconnect.sims.kaufland.api.OrderUnitsApi;
import io.nexusconnect.sims.kaufland.api.SubscriptionsApi;
import io.nexusconnect.sims.kaufland.model.OrderUnit;
import io.nexusconnect.sims.kaufland.model.Unit;
import io.nexusconnect.sims.kaufland.api.UnitsApi;
import io.nexusconnect.sims.kaufland.http.KauflandErrors;
import io.nexusconnect.sims.kaufland.http.KauflandGateway;
import io.vertx.ext.web.Router;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Set;

/**
 * A Kaufland Seller API v2 simulator: HMAC-signed requests (client key, timestamp window, signature over the URL as
 * sent and the exact body), ping, order units with storefront / update-time filters and limit/offset paging, units
 * with PATCH and the bulk update, the per-seller request rate with 429, and fault injection. Base URL ends in
 * {@code /v2}. What and why: adapter-kaufland/BEHAVIOR.md.
 */
public final class KauflandSimulator extends Simulator<KauflandSimConfig> {

    /** The demo seller's keys (32 and 64 characters, as Kaufland issues them). Fake and public. */
    public record DemoIdentity(String clientKey, String secretKey, String sellerName) {
        @Override
        public String toString() {
            return "DemoIdentity[clientKey=" + clientKey + ", secretKey=***, sellerName=" + sellerName + "]";
        }
    }

    public static final DemoIdentity DEMO = new DemoIdentity("0a1b2c3d4e5f60718293a4b5c6d7e8f9",
            "5f4dcc3b5aa765d61d8327deb882cf99a7d0cb1da1ddbc86c96ee5fedd341b7d", "Nexus Demo Shop");

    private final KauflandStore store;
    private final AtomicLong placed = new AtomicLong();
    private final WebhookPusher pusher = new WebhookPusher(PUSH_RETRIES);
    private final SubscriptionsApi subscriptions;

    /** Decision: Kaufland documents no retry schedule, only that a long-unreachable callback is disabled. */
    static final List<Duration> PUSH_RETRIES = List.of(Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofSeconds(10));

    private KauflandSimulator(KauflandSimConfig config) {
        super(config, "Kaufland simulator");
        Instant now = config.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        KauflandSeeder seeder = new KauflandSeeder(config.seed());
        var units = seeder.units(config.unitCount(), config.storefronts(), now);
        this.store = new KauflandStore(seeder.orderUnits(config.orderCount(), config.lookback(), now, units), units);
        this.subscriptions = new SubscriptionsApi(Set.copyOf(config.storefronts()), pusher);
        listen(router());
    }

    public static KauflandSimulator start(KauflandSimConfig config) {
        return new KauflandSimulator(config);
    }

    private Router router() {
        Router router = router(2 * 1024 * 1024);
        KauflandGateway gateway = new KauflandGateway(vertx(), Map.of(DEMO.clientKey(), DEMO.secretKey()), faults(),
                requestLog(), config().clock(), config().clockSkew(), config().requestsPerSecond());
        Set<String> storefronts = Set.copyOf(config().storefronts());
        OrderUnitsApi orderUnits = new OrderUnitsApi(store, storefronts);
        UnitsApi units = new UnitsApi(store, storefronts);
        router.get("/v2/status/ping").handler(gateway.route("ping", units::ping));
        router.get("/v2/order-units").handler(gateway.route("getOrderUnits", orderUnits::list));
        router.get("/v2/orders/:id_order").handler(gateway.route("getOrder", orderUnits::order));
        router.get("/v2/units").handler(gateway.route("getUnits", units::list));
        router.post("/v2/units/bulk").handler(gateway.route("bulkUpdateUnits", units::bulk));
        router.patch("/v2/units/:id_unit").handler(gateway.route("patchUnit", units::patch));
        router.get("/v2/subscriptions").handler(gateway.route("getSubscriptions", subscriptions::list));
        router.post("/v2/subscriptions").handler(gateway.route("addSubscription", subscriptions::create));
        router.get("/v2/subscriptions/:id_subscription").handler(gateway.route("getSubscription",
                subscriptions::get));
        router.patch("/v2/subscriptions/:id_subscription").handler(gateway.route("updateSubscription",
                subscriptions::update));
        router.delete("/v2/subscriptions/:id_subscription").handler(gateway.route("deleteSubscription",
                subscriptions::delete));
        router.post("/__sim/orders").handler(this::placeOrderHook);
        router.route().last().handler(ctx -> KauflandErrors.notFound("Resource").send(ctx));
        return router;
    }

    /** An order placed and what was pushed for it. */
    public record PlacedOrder(String idOrder, List<OrderUnit> units, List<WebhookPusher.Push> pushes) {
    }

    /**
     * Places an order now of {@code pieces} units (each quantity 1, status {@code need_to_be_sent}) of the seeded
     * offer {@code idOffer} on {@code storefront}, and pushes {@code order_new} to the subscribers.
     */
    public PlacedOrder placeOrder(String storefront, String idOffer, int pieces) {
        Unit unit = store.units().stream().filter(u -> u.storefront().equals(storefront) && u.idOffer().equals(idOffer))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no offer " + idOffer + " on " + storefront));
        Instant now = config().clock().instant().truncatedTo(ChronoUnit.SECONDS);
        String idOrder = "N" + Long.toString(placed.incrementAndGet() + 100_000, 36).toUpperCase();
        List<OrderUnit> units = new java.util.ArrayList<>();
        for (int p = 0; p < pieces; p++) {
            OrderUnit orderUnit = new OrderUnit(900_000_000_000_000L + placed.get() * 100 + p, idOrder, storefront,
                    unit.currency(), unit.idOffer(), unit.ean(), unit.title(), unit.listingPrice(), p == 0 ? 390 : 0,
                    "need_to_be_sent", now, now, "webhook-buyer@example.com", storefront.toUpperCase());
            store.put(orderUnit);
            units.add(orderUnit);
        }
        return new PlacedOrder(idOrder, units, subscriptions.orderNew(idOrder, storefront,
                io.nexusconnect.sims.common.http.Json.time(now)));
    }

    /** Admin hook {@code POST /__sim/orders} {@code {"storefront", "id_offer", "pieces"}}: places an order, pushes. */
    private void placeOrderHook(io.vertx.ext.web.RoutingContext ctx) {
        var body = io.nexusconnect.sims.common.http.Json.parseOrNull(ctx.body() == null ? null : ctx.body().asString());
        try {
            PlacedOrder order = placeOrder(body.path("storefront").asText("de"), body.path("id_offer").asText(),
                    Math.max(1, body.path("pieces").asInt(1)));
            io.nexusconnect.sims.common.http.SimResponse.json(201, io.nexusconnect.sims.common.http.Json.object()
                    .put("id_order", order.idOrder()).put("pushes", order.pushes().size())).send(ctx);
        } catch (RuntimeException e) {
            KauflandErrors.badRequest("id_offer", "an offer of the storefront is required").send(ctx);
        }
    }

    public List<SubscriptionsApi.Subscription> subscriptions() {
        return subscriptions.subscriptions();
    }

    /** The API base, e.g. {@code http://127.0.0.1:9121/v2}. */
    @Override
    public String baseUrl() {
        return adminUrl() + "/v2";
    }

    /** Where the faults admin and request counts live ({@code /__sim/...}). */
    public String adminUrl() {
        return "http://" + config().host() + ":" + port();
    }

    public KauflandStore store() {
        return store;
    }

    @Override
    protected void stopping() {
        pusher.close();
    }
}

package io.nexusconnect.sims.ebay;

import io.nexusconnect.sims.common.lifecycle.Simulator;
import io.nexusconnect.sims.ebay.api.AccountApis;
import io.nexusconnect.sims.ebay.api.FulfillmentApi;
import io.nexusconnect.sims.ebay.api.InventoryApi;
import io.nexusconnect.sims.ebay.auth.EbayTokens;
import io.nexusconnect.sims.ebay.auth.OAuthEndpoint;
import io.nexusconnect.sims.ebay.http.EbayErrors;
import io.nexusconnect.sims.ebay.http.EbayGateway;
import io.nexusconnect.sims.ebay.model.EbayOrder;
import io.nexusconnect.sims.ebay.model.InventoryRecord;
import io.nexusconnect.sims.ebay.notification.EndpointChallenge;
import io.nexusconnect.sims.ebay.notification.NotificationAdmin;
import io.nexusconnect.sims.ebay.notification.NotificationApi;
import io.nexusconnect.sims.ebay.notification.NotificationEvents;
import io.nexusconnect.sims.ebay.notification.NotificationPusher;
import io.nexusconnect.sims.ebay.notification.NotificationSigner;
import io.nexusconnect.sims.ebay.notification.NotificationState;
import io.nexusconnect.sims.ebay.quota.DailyQuota;
import io.nexusconnect.sims.ebay.seed.EbaySeeder;
import io.vertx.ext.web.Router;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An eBay REST simulator: OAuth (refresh-token and client-credentials grants), Fulfillment getOrders/getOrder,
 * Inventory items, offers and bulkUpdatePriceQuantity, Identity getUser, Analytics getUserRateLimits and the
 * Notification API (destinations validated by a real challenge, subscriptions, signed pushes with retries) on one
 * port, with eBay's error bodies, daily call limits per API and fault injection. Data is seeded deterministically. What and why: BEHAVIOR.md.
 */
public final class EbaySimulator extends Simulator<EbaySimConfig> {

    /** The demo application and the seller who consented to it. The values are fake and public. */
    public record DemoIdentity(String clientId, String clientSecret, String refreshToken, String userId,
                               String username, String businessName, String marketplaceId, Set<String> scopes) {
        @Override
        public String toString() {
            return "DemoIdentity[clientId=" + clientId + ", clientSecret=***, refreshToken=***, userId=" + userId
                    + ", username=" + username + ", marketplaceId=" + marketplaceId + "]";
        }
    }

    public static final DemoIdentity DEMO = new DemoIdentity(
            "NexusDem-nexusdem-PRD-0a1b2c3d4-e5f6a7b8",
            "PRD-0a1b2c3d4e5f-nexus-demo-secret-0001",
            "v^1.1#i^1#r^1#f^0#p^3#I^3#t^nexus-demo-refresh-token-0000000000000000000000000001",
            "nexus0demo0user0id0001", "nexus_demo_store", "Nexus Demo Store", "EBAY_US",
            Set.of(EbayApi.Scopes.BASE, EbayApi.Scopes.FULFILLMENT, EbayApi.Scopes.INVENTORY,
                    EbayApi.Scopes.IDENTITY, EbayApi.Scopes.ACCOUNT, EbayApi.Scopes.NOTIFICATION_SUBSCRIPTION));

    /** The operation name of the token endpoint in fault rules and the request log. */
    public static final String OAUTH_TOKEN = "oauthToken";

    private final EbayStore store;
    private final DailyQuota quota;
    private final EbayTokens tokens;
    private final NotificationState notifications = new NotificationState();
    private final NotificationSigner signer = new NotificationSigner();
    private final HttpClient pushClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final NotificationPusher pusher;
    private final NotificationEvents events;

    private EbaySimulator(EbaySimConfig config) {
        super(config, "eBay simulator");
        Instant now = config.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        EbaySeeder seeder = new EbaySeeder(config.seed(), DEMO.username());
        List<InventoryRecord> items = seeder.items(config.itemCount(), now);
        List<EbayOrder> orders = seeder.orders(config.orderCount(), config.lookback(), now, items);
        this.store = new EbayStore(config.clock(), seeder, items, orders);
        this.quota = new DailyQuota(config.dailyCallLimits(), config.quotaResetZone(), config.clock());
        this.tokens = new EbayTokens(config.clock(), config.accessTokenTtl());
        this.pusher = new NotificationPusher(pushClient, signer, config.clock(), config.pushRetryDelay(),
                config.pushMaxAttempts());
        this.events = new NotificationEvents(notifications, pusher, config.clock());
        tokens.grant(DEMO.refreshToken(), new EbayTokens.Grant(DEMO.clientId(), DEMO.userId(), DEMO.scopes(),
                now.minus(config.refreshTokenAge()).plus(config.refreshTokenTtl())));
        listen(router(tokens));
    }

    public static EbaySimulator start(EbaySimConfig config) {
        return new EbaySimulator(config);
    }

    public static EbaySimulator start() {
        return start(EbaySimConfig.defaults());
    }

    private Router router(EbayTokens tokens) {
        Router router = router(2 * 1024 * 1024);
        router.post("/identity/v1/oauth2/token").handler(new OAuthEndpoint(Map.of(DEMO.clientId(),
                DEMO.clientSecret()), tokens, faults(), requestLog(), vertx()));
        EbayGateway gateway = new EbayGateway(vertx(), tokens, quota, faults(), requestLog(), config().clock(),
                this::baseUrl);
        FulfillmentApi fulfillment = new FulfillmentApi(store);
        InventoryApi inventory = new InventoryApi(store);
        AccountApis account = new AccountApis(DEMO.userId(), DEMO.username(), DEMO.businessName(), quota,
                DEMO.clientId());
        String orders = FulfillmentApi.BASE_PATH + "/order";
        router.get(orders).handler(gateway.route("getOrders", EbayApi.FULFILLMENT, false, fulfillment::getOrders));
        router.get(orders + "/:orderId").handler(gateway.route("getOrder", EbayApi.FULFILLMENT, false,
                fulfillment::getOrder));
        router.get(InventoryApi.BASE_PATH + "/inventory_item").handler(gateway.route("getInventoryItems",
                EbayApi.INVENTORY, false, inventory::getInventoryItems));
        router.get(InventoryApi.BASE_PATH + "/offer").handler(gateway.route("getOffers", EbayApi.INVENTORY, false,
                inventory::getOffers));
        router.post(InventoryApi.BASE_PATH + "/bulk_update_price_quantity").handler(gateway.route(
                "bulkUpdatePriceQuantity", EbayApi.INVENTORY, true, inventory::bulkUpdatePriceQuantity));
        router.get("/commerce/identity/v1/user/").handler(gateway.route("getUser", EbayApi.IDENTITY, false,
                account::getUser));
        router.get("/developer/analytics/v1_beta/user_rate_limit/").handler(gateway.route("getUserRateLimits",
                EbayApi.ANALYTICS, false, account::getUserRateLimits));
        notificationRoutes(router, gateway);
        new NotificationAdmin(new AdminLevers(), notifications, pusher::deliveries).mount(router);
        router.route().last().handler(ctx -> EbayErrors.of(404, EbayErrors.error(2002, "ACCESS", "REQUEST",
                "Resource not found", "Resource not found.")).send(ctx));
        return router;
    }

    /** Notification API v1; destination create/update block on eBay's challenge GET, so they run on a worker. */
    private void notificationRoutes(Router router, EbayGateway gateway) {
        NotificationApi api = new NotificationApi(notifications, new EndpointChallenge(pushClient, Duration.ofSeconds(5)),
                signer);
        String base = NotificationApi.BASE_PATH;
        router.get(base + "/topic").handler(gateway.route("getTopics", EbayApi.NOTIFICATION, false, api::getTopics));
        router.get(base + "/public_key/:public_key_id").handler(gateway.route("getPublicKey", EbayApi.NOTIFICATION,
                false, api::getPublicKey));
        router.get(base + "/destination").handler(gateway.route("getDestinations", EbayApi.NOTIFICATION, false,
                api::getDestinations));
        router.post(base + "/destination").blockingHandler(gateway.route("createDestination", EbayApi.NOTIFICATION,
                true, api::createDestination), false);
        router.put(base + "/destination/:destination_id").blockingHandler(gateway.route("updateDestination",
                EbayApi.NOTIFICATION, true, api::updateDestination), false);
        router.delete(base + "/destination/:destination_id").handler(gateway.route("deleteDestination",
                EbayApi.NOTIFICATION, true, api::deleteDestination));
        router.get(base + "/subscription").handler(gateway.route("getSubscriptions", EbayApi.NOTIFICATION, false,
                api::getSubscriptions));
        router.post(base + "/subscription").handler(gateway.route("createSubscription", EbayApi.NOTIFICATION, true,
                api::createSubscription));
        router.put(base + "/subscription/:subscription_id").handler(gateway.route("updateSubscription",
                EbayApi.NOTIFICATION, true, api::updateSubscription));
        router.post(base + "/subscription/:subscription_id/enable").handler(gateway.route("enableSubscription",
                EbayApi.NOTIFICATION, true, api::enableSubscription));
        router.delete(base + "/subscription/:subscription_id").handler(gateway.route("deleteSubscription",
                EbayApi.NOTIFICATION, true, api::deleteSubscription));
    }

    /** The admin hooks' effects (NotificationAdmin). */
    private final class AdminLevers implements NotificationAdmin.Levers {
        @Override
        public Map<String, Object> placeOrder(Map<String, Integer> lines) {
            EbayOrder order = EbaySimulator.this.placeOrder(lines);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("orderId", order.orderId());
            answer.put("lineItems", order.lineItems().size());
            return answer;
        }

        @Override
        public List<String> revokeAuthorization() {
            return EbaySimulator.this.revokeAuthorization();
        }

        @Override
        public List<String> deleteAccount() {
            tokens.revoke(DEMO.refreshToken());
            return events.accountDeleted(DEMO.userId(), DEMO.username());
        }
    }

    /**
     * A buyer checks out: a new order of the demo seller (SKU → units; empty = one unit of the first active item),
     * and an ORDER_CONFIRMATION per line item pushed to every subscribed destination.
     */
    public EbayOrder placeOrder(Map<String, Integer> lines) {
        Map<String, Integer> wanted = lines.isEmpty() ? Map.of(store.items().stream()
                .filter(i -> "ACTIVE".equals(i.listingStatus())).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no active item to order")).sku(), 1) : lines;
        EbayOrder order = store.addOrder(wanted);
        events.orderConfirmed(order, DEMO.userId(), DEMO.username());
        return order;
    }

    /** The demo seller revokes the demo application: its refresh token stops working, AUTHORIZATION_REVOCATION is pushed. */
    public List<String> revokeAuthorization() {
        tokens.revoke(DEMO.refreshToken());
        return events.authorizationRevoked(DEMO.clientId(), DEMO.userId(), DEMO.username(), "REVOKED_BY_USER");
    }

    /** Destinations and subscriptions as the Notification API holds them. */
    public NotificationState notifications() {
        return notifications;
    }

    /** Every push and its attempts so far. */
    public List<NotificationPusher.Delivery> deliveries() {
        return pusher.deliveries();
    }

    public NotificationSigner signer() {
        return signer;
    }

    /** The token endpoint; {@link #baseUrl()} is every API's host (api.ebay.com and apiz.ebay.com in one). */
    public String tokenUrl() {
        return baseUrl() + "/identity/v1/oauth2/token";
    }

    public DailyQuota quota() {
        return quota;
    }

    public EbayStore store() {
        return store;
    }

    public List<EbayOrder> orders() {
        return store.orders();
    }

    public List<InventoryRecord> items() {
        return store.items();
    }

    @Override
    protected void stopping() {
        pusher.close();
    }
}

package io.nexusconnect.sims.amazon;

import io.nexusconnect.sims.amazon.auth.LwaEndpoint;
import io.nexusconnect.sims.amazon.auth.Registry;
import io.nexusconnect.sims.amazon.auth.TokenStore;
import io.nexusconnect.sims.amazon.feeds.FeedDocuments;
import io.nexusconnect.sims.amazon.feeds.FeedsApi;
import io.nexusconnect.sims.amazon.http.SpApiErrors;
import io.nexusconnect.sims.amazon.http.SpApiGateway;
import io.nexusconnect.sims.amazon.http.SpApiHandler;
import io.nexusconnect.sims.amazon.listings.ListingsApi;
import io.nexusconnect.sims.amazon.model.FulfillmentChannel;
import io.nexusconnect.sims.amazon.model.ListingIssue;
import io.nexusconnect.sims.amazon.model.OrderStatus;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.amazon.models.ModelOperation;
import io.nexusconnect.sims.amazon.models.SpApiModels;
import io.nexusconnect.sims.amazon.orders.OrdersApi;
import io.nexusconnect.sims.amazon.ratelimit.RateLimiter;
import io.nexusconnect.sims.amazon.reports.ReportsApi;
import io.nexusconnect.sims.amazon.sandbox.SandboxResponder;
import io.nexusconnect.sims.amazon.seed.Seeder;
import io.nexusconnect.sims.amazon.sellers.SellersApi;
import io.nexusconnect.sims.amazon.state.SellerStore;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.lifecycle.Simulator;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An Amazon Selling Partner API simulator: Login with Amazon, Sellers, Orders v0, Listings Items 2021-08-01, Feeds
 * 2021-06-30 (JSON_LISTINGS_FEED, with its document storage) and Reports 2021-06-30 (the order tracking report) on
 * one port (like the production hosts), the static sandbox on another, with the models' rate limits, Amazon's error
 * bodies and fault injection. Data is seeded deterministically. What is simulated and why: BEHAVIOR.md.
 *
 * <p>Methods without a seller act on the first seller (the {@link #DEMO} seller); {@link #seller(String)} reaches
 * the others.
 */
public final class AmazonSimulator extends Simulator<AmazonSimConfig> {

    /** The demo identity: an app, and a seller who authorized it. The values are fake and public. */
    public record DemoIdentity(String lwaClientId, String lwaClientSecret, String refreshToken, String sellingPartnerId,
                               String marketplaceId, String region, String sellerName) {
        public LwaApp app() {
            return new LwaApp(lwaClientId, lwaClientSecret);
        }

        public SellerAccount seller() {
            return new SellerAccount(sellingPartnerId, sellerName, marketplaceId, region, lwaClientId, refreshToken);
        }

        @Override
        public String toString() {
            return "DemoIdentity[lwaClientId=" + lwaClientId + ", lwaClientSecret=***, refreshToken=***, "
                    + "sellingPartnerId=" + sellingPartnerId + ", marketplaceId=" + marketplaceId + ", region=" + region
                    + ", sellerName=" + sellerName + "]";
        }
    }

    public static final DemoIdentity DEMO = new DemoIdentity(
            "amzn1.application-oa2-client.nexusdemo0000000000000000000001",
            "amzn1.oa2-cs.v1.nexusdemosecret000000000000000000000000000000000000001",
            "Atzr|nexus-demo-refresh-token-000000000000000000000001",
            "A3NEXUSDEMO01", "ATVPDKIKX0DER", "NA", "Nexus Demo Store");

    /** The operation name of {@code POST /auth/o2/token} in fault rules and the request log. */
    public static final String LWA_TOKEN = "lwaToken";

    /** The operations answered on {@link #baseUrl()} (the sandbox answers every operation of the bundled models). */
    public static final List<String> OPERATIONS = List.of("getMarketplaceParticipations", "getAccount", "getOrders",
            "getOrder", "getOrderItems", "searchListingsItems", "getListingsItem", "patchListingsItem",
            "createFeedDocument", "createFeed", "getFeed", "getFeedDocument", "createReport", "getReport",
            "getReportDocument");

    private final Map<String, SellerStore> stores = new LinkedHashMap<>();
    private final RateLimiter rateLimiter;
    private final HttpServer sandboxServer;
    private final FeedDocuments feedDocuments;
    private final FeedsApi feeds;
    private final ReportsApi reports;

    private AmazonSimulator(AmazonSimConfig config) {
        super(config, "Amazon simulator");
        for (int i = 0; i < config.sellers().size(); i++) {
            SellerAccount seller = config.sellers().get(i);
            Seeder seeder = new Seeder(seller, config.seed() * 31 + i);
            Seeder.Data data = seeder.seed(config.listingCount(), config.orderCount(), config.lookback(),
                    config.clock().instant());
            stores.put(seller.sellingPartnerId(), new SellerStore(seller, config.clock(), seeder, data));
        }
        SpApiModels models = SpApiModels.load();
        this.feedDocuments = new FeedDocuments(config.clock(), this::baseUrl, requestLog());
        this.feeds = new FeedsApi(this::store, feedDocuments, config.clock(), config.speedFactor());
        this.reports = new ReportsApi(this::store, feedDocuments, config.clock(), config.speedFactor());
        this.rateLimiter = new RateLimiter(models, config.speedFactor(), config.clock());
        Registry registry = new Registry(config.apps(), config.sellers());
        TokenStore tokens = new TokenStore(config.clock(), config.accessTokenTtl());
        SpApiGateway gateway = new SpApiGateway(vertx(), tokens, registry, rateLimiter, faults(), requestLog(),
                config.clock());
        listen(productionRouter(models, gateway, registry, tokens));
        this.sandboxServer = listen(sandboxRouter(models, gateway), config.sandboxPort());
    }

    /** Starts a simulator and returns once both ports accept connections. */
    public static AmazonSimulator start(AmazonSimConfig config) {
        return new AmazonSimulator(config);
    }

    public static AmazonSimulator start() {
        return start(AmazonSimConfig.defaults());
    }

    private Router productionRouter(SpApiModels models, SpApiGateway gateway, Registry registry, TokenStore tokens) {
        Router router = Router.router(vertx());
        feedDocuments.mount(router); // before the 2 MiB body limit of the API routes
        router.route().handler(BodyHandler.create(false).setBodyLimit(2 * 1024 * 1024));
        router.post("/auth/o2/token").handler(new LwaEndpoint(registry, tokens, faults(), requestLog(), vertx()));
        mountAdmin(router);
        SellersApi sellers = new SellersApi();
        OrdersApi orders = new OrdersApi(this::store, config().orderLag(), config().orderItemsPageSize());
        ListingsApi listings = new ListingsApi(this::store);
        Map<String, SpApiHandler> handlers = Map.ofEntries(
                Map.entry("getMarketplaceParticipations", sellers::getMarketplaceParticipations),
                Map.entry("getAccount", sellers::getAccount),
                Map.entry("getOrders", orders::getOrders),
                Map.entry("getOrder", orders::getOrder),
                Map.entry("getOrderItems", orders::getOrderItems),
                Map.entry("searchListingsItems", listings::searchListingsItems),
                Map.entry("getListingsItem", listings::getListingsItem),
                Map.entry("patchListingsItem", listings::patchListingsItem),
                Map.entry("createFeedDocument", feeds::createFeedDocument),
                Map.entry("createFeed", feeds::createFeed),
                Map.entry("getFeed", feeds::getFeed),
                Map.entry("getFeedDocument", feeds::getFeedDocument),
                Map.entry("createReport", reports::createReport),
                Map.entry("getReport", reports::getReport),
                Map.entry("getReportDocument", reports::getReportDocument));
        for (String operationId : OPERATIONS) {
            ModelOperation op = models.require(operationId);
            router.route(HttpMethod.valueOf(op.method()), op.routePath())
                    .handler(gateway.route(operationId, operationId, "", handlers.get(operationId)));
        }
        router.route().last().handler(ctx -> SpApiGateway.write(ctx, UUID.randomUUID().toString(),
                notFound(), Optional.empty()));
        return router;
    }

    private Router sandboxRouter(SpApiModels models, SpApiGateway gateway) {
        Router router = Router.router(vertx());
        router.route().handler(BodyHandler.create(false).setBodyLimit(2 * 1024 * 1024));
        SandboxResponder responder = new SandboxResponder();
        for (ModelOperation op : models.operations()) {
            router.route(HttpMethod.valueOf(op.method()), op.routePath()).handler(gateway.route(op.operationId(),
                    "sandbox/" + op.operationId(), "|sandbox", responder.handler(op)));
        }
        router.route().last().handler(ctx -> SpApiGateway.write(ctx, UUID.randomUUID().toString(),
                notFound(), Optional.empty()));
        return router;
    }

    private static SimResponse notFound() {
        return SpApiErrors.notFound("NotFound", "The resource specified does not exist.");
    }

    /**
     * The static sandbox host (its own port; same paths as production). {@link #baseUrl()} is the SP-API host of
     * every region.
     */
    public String sandboxBaseUrl() {
        return "http://" + config().host() + ":" + sandboxServer.actualPort();
    }

    public String lwaTokenUrl() {
        return baseUrl() + "/auth/o2/token";
    }

    public int sandboxPort() {
        return sandboxServer.actualPort();
    }

    /** The Feeds API: processing delay, forced FATAL outcomes, the feeds created. */
    public FeedsApi feeds() {
        return feeds;
    }

    /** The Reports API: processing delay, gzip and charset of documents, injected report faults, reports created. */
    public ReportsApi reports() {
        return reports;
    }

    /** Every request served so far (SP-API, sandbox and LWA). */
    public long requestCount() {
        return requestLog().total();
    }

    /** Refills every token bucket (e.g. between test cases). */
    public void resetRateLimits() {
        rateLimiter.reset();
    }

    public List<SellerStore> sellers() {
        return List.copyOf(stores.values());
    }

    public SellerStore seller(String sellingPartnerId) {
        return store(sellingPartnerId);
    }

    private SellerStore store(String sellingPartnerId) {
        SellerStore store = stores.get(sellingPartnerId);
        if (store == null) {
            throw new NoSuchElementException("no seller " + sellingPartnerId);
        }
        return store;
    }

    private SellerStore demo() {
        return stores.values().iterator().next();
    }

    /** The demo seller's orders, oldest purchase first. */
    public List<SimOrder> orders() {
        return demo().orders();
    }

    public Optional<SimOrder> order(String amazonOrderId) {
        return demo().order(amazonOrderId);
    }

    /** The demo seller's listings, by SKU. */
    public List<SimListing> listings() {
        return demo().listings();
    }

    public Optional<SimListing> listing(String sku) {
        return demo().listing(sku);
    }

    /** A new order of the demo seller with the given lines (SKU to units), placed now. */
    public SimOrder addOrder(OrderStatus status, FulfillmentChannel channel, Map<String, Integer> skuQuantities) {
        return demo().addOrder(status, channel, skuQuantities);
    }

    /**
     * Replaces the demo seller's data with a freshly seeded set of {@code orderCount} orders over {@code lookback}
     * (same seed, same listing count), e.g. for benchmarks of several volumes on one simulator. Call it while no
     * request of that seller is running.
     */
    public void reseed(int orderCount, Duration lookback) {
        reseed(orderCount, lookback, config().listingCount());
    }

    /** {@link #reseed(int, Duration)} with another number of listings. */
    public void reseed(int orderCount, Duration lookback, int listingCount) {
        SellerAccount seller = config().sellers().getFirst();
        Seeder seeder = new Seeder(seller, config().seed() * 31);
        stores.put(seller.sellingPartnerId(), new SellerStore(seller, config().clock(), seeder,
                seeder.seed(listingCount, orderCount, lookback, config().clock().instant())));
    }

    /** A new random order of the demo seller, placed now. */
    public SimOrder addOrder() {
        return demo().addOrder();
    }

    public SimOrder updateOrder(String amazonOrderId, OrderStatus status) {
        return demo().updateOrder(amazonOrderId, status);
    }

    public SimOrder updateOrder(String amazonOrderId, UnaryOperator<SimOrder> change) {
        return demo().updateOrder(amazonOrderId, change);
    }

    public SimListing setQuantity(String sku, int quantity) {
        return demo().setQuantity(sku, quantity);
    }

    /** Replaces a demo listing's issues (e.g. an enforcement that suppresses it); stamps lastUpdatedDate. */
    public SimListing setIssues(String sku, List<ListingIssue> issues) {
        return demo().setIssues(sku, issues);
    }

    public SimListing setPrice(String sku, BigDecimal price) {
        return demo().setPrice(sku, price);
    }

    @Override
    public String toString() {
        return "AmazonSimulator[" + baseUrl() + ", sandbox " + sandboxBaseUrl() + "]";
    }
}

package io.nexusconnect.sims.shopify;

import io.nexusconnect.sims.common.lifecycle.Simulator;
import io.nexusconnect.sims.shopify.graphql.AdminSchema;
import io.nexusconnect.sims.shopify.graphql.BulkOperations;
import io.nexusconnect.sims.shopify.graphql.InventoryMutation;
import io.nexusconnect.sims.shopify.http.CostBucket;
import io.nexusconnect.sims.shopify.http.GraphqlEndpoint;
import io.nexusconnect.sims.shopify.http.ShopAdminEndpoint;
import io.nexusconnect.sims.shopify.model.ShopStore;
import io.nexusconnect.sims.shopify.model.SimShop;
import io.nexusconnect.sims.shopify.seed.ShopSeeder;
import io.nexusconnect.sims.shopify.webhooks.ShopEvents;
import io.nexusconnect.sims.shopify.webhooks.WebhookDispatcher;
import io.nexusconnect.sims.shopify.webhooks.WebhookSubscriptions;
import io.vertx.ext.web.Router;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Shopify GraphQL Admin API simulator: {@code POST /admin/api/{version}/graphql.json} with a real GraphQL executor
 * over an SDL subset of the Admin API, calculated query cost with a leaky bucket per shop, bulk operations with JSONL
 * results, {@code inventorySetQuantities} with the version's compare-and-swap rule, webhook subscriptions with
 * signed, retried pushes (admin hooks under {@code /__sim/shopify}: {@link ShopAdminEndpoint}), and fault injection
 * ({@code /__sim/faults}). What is simulated and why: marketplace-sims BEHAVIOR.md.
 */
public final class ShopifySimulator extends Simulator<ShopifySimConfig> {

    /** The demo shop; the token is fake and public. */
    public static final SimShop DEMO = new SimShop(61_000_001, "Nexus Demo Shop", "nexus-demo.myshopify.com", "USD",
            "America/New_York", "Basic", false, "shpat_" + "0123456789abcdef0123456789abcdef");

    private final ShopStore store;
    private final Map<String, ShopStore> byToken = new ConcurrentHashMap<>();
    private final Map<String, CostBucket> buckets = new ConcurrentHashMap<>();
    private final WebhookSubscriptions subscriptions = new WebhookSubscriptions();
    private final WebhookDispatcher webhooks;
    private final ShopEvents events;

    private ShopifySimulator(ShopifySimConfig config) {
        super(config, "Shopify simulator");
        this.store = new ShopSeeder(config.seed()).seed(DEMO, config.clock(), config.productCount(),
                config.orderCount(), config.lookback());
        byToken.put(DEMO.accessToken(), store);
        BulkOperations bulk = new BulkOperations(config.effectiveBulkCompletion(),
                n -> baseUrl() + "/__sim/bulk-results/" + n + ".jsonl");
        AdminSchema schema = new AdminSchema(bulk, new InventoryMutation(config.idempotencyRequired()), subscriptions);
        this.webhooks = new WebhookDispatcher(config.webhooks(), config.clock(), config.speedFactor(),
                Duration.ofMillis(20));
        this.events = new ShopEvents(store, subscriptions, webhooks, () -> byToken.remove(DEMO.accessToken()),
                () -> byToken.put(DEMO.accessToken(), store));
        GraphqlEndpoint endpoint = new GraphqlEndpoint(vertx(), schema,
                token -> Optional.ofNullable(token == null ? null : byToken.get(token)), this::bucket, faults(),
                requestLog(), config.supportedVersions(), config.maxSingleQueryCost());
        Router router = router(2 * 1024 * 1024);
        router.post("/admin/api/:version/graphql.json").handler(endpoint);
        router.get("/__sim/bulk-results/:file").handler(ctx -> {
            String file = ctx.pathParam("file");
            long number = file.endsWith(".jsonl") ? Long.parseLong(file.substring(0, file.length() - 6)) : -1;
            Optional<byte[]> jsonl = bulk.result(number);
            requestLog().record("bulkDownload", jsonl.isPresent() ? 200 : 404);
            if (jsonl.isEmpty()) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "application/jsonl").end(io.vertx.core.buffer.Buffer.buffer(
                    jsonl.get()));
        });
        new ShopAdminEndpoint(events, subscriptions, webhooks, DEMO.myshopifyDomain()).mount(router);
        listen(router);
    }

    public static ShopifySimulator start(ShopifySimConfig config) {
        return new ShopifySimulator(config);
    }

    private CostBucket bucket(ShopStore shop) {
        return buckets.computeIfAbsent(shop.shop().myshopifyDomain(),
                k -> new CostBucket(config().clock(), config().maximumAvailable(), config().effectiveRestoreRate()));
    }

    /** The Admin API of {@code version} on {@link #baseUrl()}. */
    public String graphqlUrl(String version) {
        return baseUrl() + "/admin/api/" + version + "/graphql.json";
    }

    public ShopStore store() {
        return store;
    }

    /** The shop's admin: place and change orders, uninstall the app; each pushes its webhooks. */
    public ShopEvents events() {
        return events;
    }

    /** The app's webhook subscriptions per shop. */
    public WebhookSubscriptions subscriptions() {
        return subscriptions;
    }

    /** Every webhook delivery and its attempts; {@code retryDue()} sends the retries due on the clock now. */
    public WebhookDispatcher webhooks() {
        return webhooks;
    }

    /** The demo shop's cost bucket. */
    public CostBucket costBucket() {
        return bucket(store);
    }

    /** Refills every bucket (between test cases). */
    public void resetRateLimits() {
        buckets.values().forEach(CostBucket::reset);
    }

    @Override
    protected void stopping() {
        webhooks.close();
    }
}

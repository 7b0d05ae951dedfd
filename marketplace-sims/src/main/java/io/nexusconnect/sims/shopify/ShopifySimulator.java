package io.nexusconnect.sims.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexusconnect.sims.amazon.state.RequestLog;
import io.nexusconnect.sims.shopify.graphql.AdminSchema;
import io.nexusconnect.sims.shopify.graphql.BulkOperations;
import io.nexusconnect.sims.shopify.graphql.InventoryMutation;
import io.nexusconnect.sims.shopify.http.CostBucket;
import io.nexusconnect.sims.shopify.http.GraphqlEndpoint;
import io.nexusconnect.sims.shopify.http.ShopifyFault;
import io.nexusconnect.sims.shopify.http.ShopifyFaults;
import io.nexusconnect.sims.shopify.model.ShopStore;
import io.nexusconnect.sims.shopify.model.SimShop;
import io.nexusconnect.sims.shopify.seed.ShopSeeder;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Shopify GraphQL Admin API simulator: {@code POST /admin/api/{version}/graphql.json} with a real GraphQL executor
 * over an SDL subset of the Admin API, calculated query cost with a leaky bucket per shop, bulk operations with JSONL
 * results, {@code inventorySetQuantities} with the version's compare-and-swap rule, and fault injection
 * ({@code /__sim/faults}). What is simulated and why: marketplace-sims BEHAVIOR.md.
 */
public final class ShopifySimulator implements AutoCloseable {

    /** The demo shop; the token is fake and public. */
    public static final SimShop DEMO = new SimShop(61_000_001, "Nexus Demo Shop", "nexus-demo.myshopify.com", "USD",
            "America/New_York", "Basic", false, "shpat_" + "0123456789abcdef0123456789abcdef");

    private final ShopifySimConfig config;
    private final Vertx vertx;
    private final ShopStore store;
    private final Map<String, ShopStore> byToken = new ConcurrentHashMap<>();
    private final Map<String, CostBucket> buckets = new ConcurrentHashMap<>();
    private final ShopifyFaults faults = new ShopifyFaults();
    private final RequestLog requestLog = new RequestLog();
    private final HttpServer server;

    private ShopifySimulator(ShopifySimConfig config) {
        this.config = config;
        this.store = new ShopSeeder(config.seed()).seed(DEMO, config.clock(), config.productCount(),
                config.orderCount(), config.lookback());
        byToken.put(DEMO.accessToken(), store);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        BulkOperations bulk = new BulkOperations(config.effectiveBulkCompletion(),
                n -> baseUrl() + "/__sim/bulk-results/" + n + ".jsonl");
        AdminSchema schema = new AdminSchema(bulk, new InventoryMutation(config.idempotencyRequired()));
        GraphqlEndpoint endpoint = new GraphqlEndpoint(vertx, schema,
                token -> Optional.ofNullable(token == null ? null : byToken.get(token)), this::bucket, faults,
                requestLog, config.supportedVersions(), config.maxSingleQueryCost());
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(2 * 1024 * 1024));
        router.post("/admin/api/:version/graphql.json").handler(endpoint);
        router.get("/__sim/bulk-results/:file").handler(ctx -> {
            String file = ctx.pathParam("file");
            long number = file.endsWith(".jsonl") ? Long.parseLong(file.substring(0, file.length() - 6)) : -1;
            Optional<byte[]> jsonl = bulk.result(number);
            requestLog.record("bulkDownload", jsonl.isPresent() ? 200 : 404);
            if (jsonl.isEmpty()) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "application/jsonl").end(io.vertx.core.buffer.Buffer.buffer(
                    jsonl.get()));
        });
        router.post("/__sim/faults").handler(ctx -> {
            try {
                JsonNode body = new ObjectMapper().readTree(ctx.body().asString());
                faults.inject(body.path("operation").asText("*"), fault(body), body.path("times").asInt(1));
                ctx.response().setStatusCode(201).end();
            } catch (Exception e) {
                ctx.response().setStatusCode(400).end(String.valueOf(e.getMessage()));
            }
        });
        router.delete("/__sim/faults").handler(ctx -> {
            faults.clear();
            ctx.response().setStatusCode(204).end();
        });
        router.get("/__sim/requests").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(io.vertx.core.json.Json.encode(requestLog.countsByStatus())));
        try {
            this.server = vertx.createHttpServer().requestHandler(router).listen(config.port(), config.host())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("Shopify simulator could not listen on " + config.host() + ":"
                    + config.port(), e);
        }
    }

    public static ShopifySimulator start(ShopifySimConfig config) {
        return new ShopifySimulator(config);
    }

    private static ShopifyFault fault(JsonNode body) {
        return switch (body.path("kind").asText()) {
            case "rate_limit" -> new ShopifyFault.TooManyRequests(Duration.ofSeconds(body.path("retryAfterSeconds")
                    .asLong(2)));
            case "server_error" -> new ShopifyFault.ServerError(body.path("status").asInt(503));
            case "invalid_token" -> new ShopifyFault.InvalidToken();
            case "shop_frozen" -> new ShopifyFault.ShopFrozen();
            case "access_denied" -> new ShopifyFault.AccessDenied();
            case "malformed_json" -> new ShopifyFault.MalformedJson();
            case "throttled" -> new ShopifyFault.Throttled();
            case "slow" -> new ShopifyFault.Slow(Duration.ofMillis(body.path("delayMillis").asLong(1000)));
            default -> throw new IllegalArgumentException("unknown fault kind " + body.path("kind").asText());
        };
    }

    private CostBucket bucket(ShopStore shop) {
        return buckets.computeIfAbsent(shop.shop().myshopifyDomain(),
                k -> new CostBucket(config.clock(), config.maximumAvailable(), config.effectiveRestoreRate()));
    }

    public ShopifySimConfig config() {
        return config;
    }

    /** e.g. {@code http://127.0.0.1:9103}; the Admin API is under {@code /admin/api/{version}/graphql.json}. */
    public String baseUrl() {
        return "http://" + config.host() + ":" + server.actualPort();
    }

    public String graphqlUrl(String version) {
        return baseUrl() + "/admin/api/" + version + "/graphql.json";
    }

    public int port() {
        return server.actualPort();
    }

    public ShopStore store() {
        return store;
    }

    public ShopifyFaults faults() {
        return faults;
    }

    public RequestLog requestLog() {
        return requestLog;
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
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Shopify simulator did not stop cleanly", e);
        }
    }

    @Override
    public String toString() {
        return "ShopifySimulator[" + baseUrl() + "]";
    }
}

package io.nexusconnect.sims.kaufland;

import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.faults.FaultsAdmin;
import io.nexusconnect.sims.common.http.SimServer;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.nexusconnect.sims.kaufland.api.OrderUnitsApi;
import io.nexusconnect.sims.kaufland.api.UnitsApi;
import io.nexusconnect.sims.kaufland.http.KauflandErrors;
import io.nexusconnect.sims.kaufland.http.KauflandGateway;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * A Kaufland Seller API v2 simulator: HMAC-signed requests (client key, timestamp window, signature over the URL as
 * sent and the exact body), ping, order units with storefront / update-time filters and limit/offset paging, units
 * with PATCH and the bulk update, the per-seller request rate with 429, and fault injection. Base URL ends in
 * {@code /v2}. What and why: adapter-kaufland/BEHAVIOR.md.
 */
public final class KauflandSimulator implements AutoCloseable {

    /** The demo seller's keys (32 and 64 characters, as Kaufland issues them). Fake and public. */
    public record DemoIdentity(String clientKey, String secretKey, String sellerName) {
        @Override
        public String toString() {
            return "DemoIdentity[clientKey=" + clientKey + ", secretKey=***, sellerName=" + sellerName + "]";
        }
    }

    public static final DemoIdentity DEMO = new DemoIdentity("0a1b2c3d4e5f60718293a4b5c6d7e8f9",
            "5f4dcc3b5aa765d61d8327deb882cf99a7d0cb1da1ddbc86c96ee5fedd341b7d", "Nexus Demo Shop");

    private final KauflandSimConfig config;
    private final Vertx vertx;
    private final KauflandStore store;
    private final Faults faults = new Faults();
    private final RequestLog requestLog = new RequestLog();
    private final HttpServer server;

    private KauflandSimulator(KauflandSimConfig config) {
        this.config = config;
        Instant now = config.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        KauflandSeeder seeder = new KauflandSeeder(config.seed());
        var units = seeder.units(config.unitCount(), config.storefronts(), now);
        this.store = new KauflandStore(seeder.orderUnits(config.orderCount(), config.lookback(), now, units), units);
        this.vertx = SimServer.vertx();
        this.server = SimServer.listen(vertx, router(), config.host(), config.port(), "Kaufland simulator");
    }

    public static KauflandSimulator start(KauflandSimConfig config) {
        return new KauflandSimulator(config);
    }

    private Router router() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(2 * 1024 * 1024));
        new FaultsAdmin(faults, requestLog).mount(router);
        KauflandGateway gateway = new KauflandGateway(vertx, Map.of(DEMO.clientKey(), DEMO.secretKey()), faults,
                requestLog, config.clock(), config.clockSkew(), config.requestsPerSecond());
        Set<String> storefronts = Set.copyOf(config.storefronts());
        OrderUnitsApi orderUnits = new OrderUnitsApi(store, storefronts);
        UnitsApi units = new UnitsApi(store, storefronts);
        router.get("/v2/status/ping").handler(gateway.route("ping", units::ping));
        router.get("/v2/order-units").handler(gateway.route("getOrderUnits", orderUnits::list));
        router.get("/v2/orders/:id_order").handler(gateway.route("getOrder", orderUnits::order));
        router.get("/v2/units").handler(gateway.route("getUnits", units::list));
        router.post("/v2/units/bulk").handler(gateway.route("bulkUpdateUnits", units::bulk));
        router.patch("/v2/units/:id_unit").handler(gateway.route("patchUnit", units::patch));
        router.route().last().handler(ctx -> KauflandErrors.notFound("Resource").send(ctx));
        return router;
    }

    public KauflandSimConfig config() {
        return config;
    }

    /** The API base, e.g. {@code http://127.0.0.1:9121/v2}. */
    public String baseUrl() {
        return "http://" + config.host() + ":" + server.actualPort() + "/v2";
    }

    /** Where the faults admin and request counts live ({@code /__sim/...}). */
    public String adminUrl() {
        return "http://" + config.host() + ":" + server.actualPort();
    }

    public int port() {
        return server.actualPort();
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public KauflandStore store() {
        return store;
    }

    @Override
    public void close() {
        SimServer.close(vertx, "Kaufland simulator");
    }

    @Override
    public String toString() {
        return "KauflandSimulator[" + baseUrl() + "]";
    }
}

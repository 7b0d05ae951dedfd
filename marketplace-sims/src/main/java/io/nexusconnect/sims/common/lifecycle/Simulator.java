package io.nexusconnect.sims.common.lifecycle;

import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.faults.FaultsAdmin;
import io.nexusconnect.sims.common.http.SimServer;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * What every marketplace simulator has around its API: the configuration, the event loop and the listening server,
 * the injected faults and the request log with their {@code /__sim} admin, and a clean stop. A simulator builds its
 * state, then its router ({@link #router}), then calls {@link #listen(Router)} last in its constructor, so a request
 * never meets a half-built simulator.
 */
public abstract class Simulator<C extends SimulatorConfig> implements AutoCloseable {
    private final C config;
    private final String name;
    private final Faults faults = new Faults();
    private final RequestLog requestLog = new RequestLog();
    private Vertx vertx;
    private HttpServer server;

    /** @param name how logs and errors call the simulator, e.g. {@code "bol simulator"} */
    protected Simulator(C config, String name) {
        this.config = config;
        this.name = name;
    }

    /** The event loop, created on first use (after the subclass's seeding, which may fail on a bad config). */
    protected final Vertx vertx() {
        if (vertx == null) {
            vertx = SimServer.vertx();
        }
        return vertx;
    }

    /** A router that reads bodies up to {@code bodyLimit} bytes and serves the faults and requests admin. */
    protected final Router router(long bodyLimit) {
        return router(BodyHandler.create(false).setBodyLimit(bodyLimit));
    }

    /** A router whose first handler is {@code bodies} (a simulator's own body reading), with the admin mounted. */
    protected final Router router(Handler<RoutingContext> bodies) {
        Router router = Router.router(vertx());
        router.route().handler(bodies);
        mountAdmin(router);
        return router;
    }

    /** Mounts the faults and requests admin ({@code /__sim/faults}, {@code /__sim/requests}). */
    protected final void mountAdmin(Router router) {
        new FaultsAdmin(faults, requestLog).mount(router);
    }

    /** Serves {@code router} on the configured host and port; returns once the port accepts connections. */
    protected final void listen(Router router) {
        server = listen(router, config.port());
    }

    /** Serves {@code router} on another port of the configured host (e.g. a sandbox host of its own). */
    protected final HttpServer listen(Router router, int port) {
        return SimServer.listen(vertx(), router, config.host(), port, name);
    }

    public C config() {
        return config;
    }

    /** The API base, e.g. {@code http://127.0.0.1:9141}. */
    public String baseUrl() {
        return "http://" + config.host() + ":" + port();
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

    /** What the simulator stops before its event loop (e.g. a webhook pusher); nothing by default. */
    protected void stopping() {
    }

    @Override
    public void close() {
        stopping();
        if (vertx != null) {
            SimServer.close(vertx, name);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + baseUrl() + "]";
    }
}

package io.nexusconnect.adapterkit.client;

import io.nexusconnect.adapterkit.config.ApisConfig;
import io.vertx.mutiny.core.Vertx;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Makes a ready {@link MarketplaceHttpClient} from an API's config group ({@link ApisConfig}): limits, speed factor,
 * retries, timeouts, circuit breaker, request-id and rate headers, user agent, the kit's clock and sleeper and the
 * call metrics. The adapter adds only what is code, not configuration: its error classifier (and, rarely, a rate
 * header hook of another shape). Clients are closed with this factory.
 */
public class MarketplaceApis implements AutoCloseable {
    private final Vertx vertx;
    private final ApisConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CallListener.Factory listeners;
    private final List<MarketplaceApi> opened = new CopyOnWriteArrayList<>();

    public MarketplaceApis(Vertx vertx, ApisConfig config, Clock clock, Sleeper sleeper, CallListener.Factory listeners) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listeners = listeners;
    }

    /** The settings of {@code api}; fails with the property to set when the adapter declared none. */
    public ApisConfig.Api settings(String api) {
        ApisConfig.Api settings = config.apis().get(api);
        if (settings == null) {
            throw new IllegalStateException("no configuration for API '" + api + "': declare nexus.apis." + api
                    + ".* (base-url, limits.<operation>.rate/burst) in the adapter's application.properties");
        }
        return settings;
    }

    /**
     * A client for {@code api} of {@code marketplace} (the metrics tag), configured from {@code nexus.apis.<api>},
     * with the adapter's own additions applied to the builder.
     */
    public MarketplaceApi open(String marketplace, String api, UnaryOperator<MarketplaceHttpClient.Builder> declare) {
        ApisConfig.Api settings = settings(api);
        MarketplaceHttpClient.Builder builder = MarketplaceHttpClient.builder(vertx)
                .clock(clock)
                .sleeper(sleeper)
                .speedFactor(settings.speedFactor())
                .retryPolicy(new RetryPolicy(settings.maxAttempts(), settings.baseDelay(), settings.maxDelay(),
                        settings.maxRetryWait(), settings.requestTimeout()))
                .circuitBreaker(settings.breakerThreshold(), settings.breakerOpenFor())
                .listener(listeners.forApi(marketplace, api));
        settings.limits().forEach((operation, limit) -> builder.limit(operation, limit.rate(), limit.burst()));
        settings.requestIdHeader().ifPresent(builder::requestIdHeader);
        settings.rateHeader().ifPresent(header -> builder.rateHeaderHook(RateHeaderHook.header(header)));
        settings.userAgent().ifPresent(builder::userAgent);
        MarketplaceApi opened = new MarketplaceApi(marketplace, api, settings.baseUrl().map(URI::create),
                declare.apply(builder).build());
        this.opened.add(opened);
        return opened;
    }

    @Override
    public void close() {
        opened.forEach(MarketplaceApi::close);
        opened.clear();
    }
}

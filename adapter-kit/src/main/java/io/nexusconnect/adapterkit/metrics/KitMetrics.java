package io.nexusconnect.adapterkit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClient;
import io.nexusconnect.adapterkit.client.CallListener;
import io.nexusconnect.adapterkit.consumer.ConsumerLag;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.SyncOutcome;

import java.time.Duration;
import java.util.Locale;

/**
 * The adapter metrics every adapter exposes on {@code /q/metrics} (Micrometer; the names below are Micrometer's,
 * Prometheus adds {@code _seconds}/{@code _total}): marketplace calls, 429s, rate-limiter waits, token requests,
 * cycles, published records and stock commands. Tags are bounded sets (marketplace, API, operation, outcome, kind),
 * never connection ids.
 */
public final class KitMetrics implements CallListener.Factory, OAuth2TokenClient.TokenListener {
    public static final String CALLS = "nexus.marketplace.calls";
    public static final String THROTTLED = "nexus.marketplace.throttled";
    public static final String RATE_LIMITER_WAIT = "nexus.marketplace.rate.limiter.wait";
    public static final String TOKEN_REQUESTS = "nexus.token.requests";
    public static final String CYCLE_DURATION = "nexus.cycle.duration";
    public static final String RECORDS_PUBLISHED = "nexus.records.published";
    public static final String STOCK_COMMANDS = "nexus.stock.commands";
    public static final String WEBHOOKS = "nexus.webhooks";

    /** How a stock command ended. */
    public enum StockResult {
        APPLIED, REJECTED, RETRIED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a webhook delivery ended. */
    public enum WebhookResult {
        HANDLED, DUPLICATE, REJECTED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public KitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics that go nowhere, for code run outside an adapter application. */
    public static KitMetrics none() {
        return new KitMetrics(new CompositeMeterRegistry());
    }

    /**
     * {@code nexus.consumer.lag}: records of {@code consumer}'s assigned partitions not yet processed, tagged by topic
     * and group; read when the registry is scraped (the consumer's poll thread keeps the figures fresh).
     */
    public void consumerLag(ConsumerLag consumer) {
        Gauge.builder("nexus.consumer.lag", consumer,
                        ConsumerLag::totalLag)
                .description("records not yet processed on the consumer's assigned partitions")
                .tag("topic", consumer.topic()).tag("group", consumer.groupId())
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public CallListener forApi(String marketplaceId, String api) {
        return new CallListener() {
            @Override
            public void callCompleted(String operation, Outcome outcome, int attempts, Duration took) {
                Timer.builder(CALLS).description("Marketplace calls (after retries) by outcome")
                        .tags("marketplace", marketplaceId, "api", api, "operation", operation, "outcome", outcome.tag())
                        .register(registry).record(took);
            }

            @Override
            public void throttled(String operation) {
                Counter.builder(THROTTLED).description("429 answers, each attempt counted")
                        .tags("marketplace", marketplaceId, "api", api, "operation", operation)
                        .register(registry).increment();
            }

            @Override
            public void rateLimiterWaited(String operation, Duration waited) {
                Timer.builder(RATE_LIMITER_WAIT).description("Time spent waiting for the operation's own token bucket")
                        .tags("marketplace", marketplaceId, "api", api, "operation", operation)
                        .register(registry).record(waited);
            }
        };
    }

    @Override
    public void tokenRequested(String endpointName, String grantType, String outcome) {
        Counter.builder(TOKEN_REQUESTS).description("Access token requests (refreshes) at a token endpoint")
                .tags("endpoint", endpointName, "grant", grantType, "outcome", outcome)
                .register(registry).increment();
    }

    public void cycleCompleted(Marketplace cycleMarketplace, SyncOutcome outcome, Duration took) {
        Timer.builder(CYCLE_DURATION).description("Sync cycle duration by outcome")
                .tags("marketplace", cycleMarketplace.id(), "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).record(took);
    }

    /** One record acknowledged by Kafka; {@code kind} is product, order or inventory. */
    public void recordPublished(Marketplace recordMarketplace, String kind) {
        Counter.builder(RECORDS_PUBLISHED).description("Normalized records published (acknowledged) by kind")
                .tags("marketplace", recordMarketplace.id(), "kind", kind)
                .register(registry).increment();
    }

    public void stockCommand(Marketplace commandMarketplace, StockResult result) {
        Counter.builder(STOCK_COMMANDS).description("Stock commands by result")
                .tags("marketplace", commandMarketplace.id(), "result", result.tag())
                .register(registry).increment();
    }

    public void webhook(Marketplace webhookMarketplace, WebhookResult result) {
        Counter.builder(WEBHOOKS).description("Webhook deliveries by result")
                .tags("marketplace", webhookMarketplace.id(), "result", result.tag())
                .register(registry).increment();
    }
}

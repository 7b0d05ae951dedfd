package io.nexusconnect.adapterkit.runtime;

import io.nexusconnect.adapterkit.consumer.ConsumerLag;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.adapterkit.stock.StockWriter;
import io.nexusconnect.adapterkit.sync.CycleRunner;
import io.nexusconnect.adapterkit.sync.SyncCycle;
import io.nexusconnect.adapterkit.testing.ConnectionTester;
import io.nexusconnect.adapterkit.webhook.WebhookHandler;
import io.nexusconnect.adapterkit.webhook.registration.WebhookRegistrar;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts the adapter's consumers ({@link AdapterConsumers}) when the application starts, for the beans it has: the
 * {@link SyncCycle}, and optionally a {@link ConnectionTester}, a {@link StockWriter}, a {@link WebhookHandler} and a
 * {@link WebhookRegistrar} (callbacks on {@code nexus.webhooks.public-base-url}).
 */
@ApplicationScoped
public class AdapterRuntime {
    private static final Logger LOG = Logger.getLogger(AdapterRuntime.class);

    private final Instance<SyncCycle> cycles;
    private final Instance<ConnectionTester> testers;
    private final Instance<StockWriter> stockWriters;
    private final Instance<WebhookHandler> webhookHandlers;
    private final Instance<WebhookRegistrar> webhookRegistrars;
    private final Optional<String> webhookPublicBaseUrl;
    private final KitMetrics metrics;
    private final EventPublisher publisher;
    private final CredentialOpener credentials;
    private final Clock clock;
    private final boolean enabled;
    private final AdapterConsumers.Settings settings;
    private volatile AdapterConsumers consumers;

    AdapterRuntime(Instance<SyncCycle> cycles, Instance<ConnectionTester> testers, Instance<StockWriter> stockWriters,
                   Instance<WebhookHandler> webhookHandlers, Instance<WebhookRegistrar> webhookRegistrars,
                   KitMetrics metrics, EventPublisher publisher, CredentialOpener credentials, Clock clock,
                   @ConfigProperty(name = "nexus.webhooks.public-base-url") Optional<String> webhookPublicBaseUrl,
                   @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                   @ConfigProperty(name = "nexus.adapter.consumers.enabled", defaultValue = "true") boolean enabled,
                   @ConfigProperty(name = "nexus.adapter.sync.concurrency", defaultValue = "4") int concurrency,
                   @ConfigProperty(name = "nexus.adapter.sync.fault-attempts", defaultValue = "5") int maxAttempts,
                   @ConfigProperty(name = "nexus.adapter.sync.cycle-timeout", defaultValue = "PT30M") Duration cycleTimeout,
                   @ConfigProperty(name = "nexus.adapter.kafka.ack-timeout", defaultValue = "PT60S") Duration ackTimeout,
                   @ConfigProperty(name = "nexus.adapter.stock.concurrency", defaultValue = "2") int stockConcurrency,
                   @ConfigProperty(name = "nexus.adapter.stock.fault-attempts", defaultValue = "5") int stockMaxAttempts,
                   @ConfigProperty(name = "nexus.adapter.stock.retry-backoff", defaultValue = "PT2S")
                   Duration stockRetryBackoff) {
        this.cycles = cycles;
        this.testers = testers;
        this.stockWriters = stockWriters;
        this.webhookHandlers = webhookHandlers;
        this.webhookRegistrars = webhookRegistrars;
        this.webhookPublicBaseUrl = webhookPublicBaseUrl;
        this.metrics = metrics;
        this.publisher = publisher;
        this.credentials = credentials;
        this.clock = clock;
        this.enabled = enabled;
        this.settings = new AdapterConsumers.Settings(bootstrapServers, concurrency, maxAttempts, cycleTimeout, ackTimeout,
                stockConcurrency, stockMaxAttempts, stockRetryBackoff, Duration.ofSeconds(1));
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("adapter consumers are disabled (nexus.adapter.consumers.enabled=false)");
            return;
        }
        consumers = AdapterConsumers.builder(settings, publisher, credentials, clock, metrics)
                .cycle(cycles.isResolvable() ? cycles.get() : null)
                .tester(testers.isResolvable() ? testers.get() : null)
                .stockWriter(stockWriters.isResolvable() ? stockWriters.get() : null)
                .webhookHandler(webhookHandlers.isResolvable() ? webhookHandlers.get() : null)
                .webhookRegistrar(webhookRegistrars.isResolvable() ? webhookRegistrars.get() : null,
                        webhookPublicBaseUrl.orElse(null))
                .start();
        consumers.lag().forEach(metrics::consumerLag);
    }

    void stop(@Observes ShutdownEvent event) {
        if (consumers != null) {
            consumers.close();
        }
    }

    /** Whether every consumer loop is alive (for the readiness check). */
    public boolean healthy() {
        return consumers == null || consumers.healthy();
    }

    /** How far behind each of the adapter's consumers is (for metrics: records not yet processed per partition). */
    public List<ConsumerLag> consumerLag() {
        return consumers == null ? List.of() : consumers.lag();
    }

    /** The runner of this application's cycles; present once started. */
    public CycleRunner runner() {
        return consumers == null ? null : consumers.runner();
    }
}

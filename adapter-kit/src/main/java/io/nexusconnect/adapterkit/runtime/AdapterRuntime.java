package io.nexusconnect.adapterkit.runtime;

import io.nexusconnect.adapterkit.consumer.ConsumerLag;
import io.nexusconnect.adapterkit.consumer.OrderedPartitionConsumer;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.adapterkit.stock.StockCommandHandler;
import io.nexusconnect.adapterkit.stock.StockWriter;
import io.nexusconnect.adapterkit.sync.CycleRunner;
import io.nexusconnect.adapterkit.sync.SyncCycle;
import io.nexusconnect.adapterkit.sync.SyncRequestHandler;
import io.nexusconnect.adapterkit.testing.ConnectionTestHandler;
import io.nexusconnect.adapterkit.testing.ConnectionTester;
import io.nexusconnect.adapterkit.webhook.WebhookHandler;
import io.nexusconnect.adapterkit.webhook.WebhookRecordHandler;
import io.nexusconnect.contracts.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the adapter's consumers when the application starts: the sync-request consumer for the {@link SyncCycle}
 * bean (group {@code adapter-<marketplace>}) and, when the adapter has a {@link ConnectionTester}, the Test
 * Connection responder (group {@code adapter-<marketplace>-tests}) and, when it has a {@link StockWriter}, the
 * stock-command consumer of {@code nexus.stock-commands.<marketplace>.v1} (group {@code adapter-<marketplace>-stock})
 * and, when it has a {@link WebhookHandler}, the webhook consumer of {@code nexus.webhooks.<marketplace>.v1} (group
 * {@code adapter-<marketplace>-webhooks}).
 */
@ApplicationScoped
public class AdapterRuntime {
    private static final Logger LOG = Logger.getLogger(AdapterRuntime.class);

    private final Instance<SyncCycle> cycles;
    private final Instance<ConnectionTester> testers;
    private final Instance<StockWriter> stockWriters;
    private final Instance<WebhookHandler> webhookHandlers;
    private final KitMetrics metrics;
    private final EventPublisher publisher;
    private final CredentialOpener credentials;
    private final Clock clock;
    private final String bootstrapServers;
    private final boolean enabled;
    private final int concurrency;
    private final int maxAttempts;
    private final Duration cycleTimeout;
    private final Duration ackTimeout;
    private final StockSettings stock;
    private final List<OrderedPartitionConsumer> loops = new ArrayList<>();
    private volatile CycleRunner runner;

    AdapterRuntime(Instance<SyncCycle> cycles, Instance<ConnectionTester> testers, Instance<StockWriter> stockWriters,
                   Instance<WebhookHandler> webhookHandlers, KitMetrics metrics, EventPublisher publisher, CredentialOpener credentials, Clock clock,
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
        this.metrics = metrics;
        this.stock = new StockSettings(stockConcurrency, stockMaxAttempts, stockRetryBackoff);
        this.publisher = publisher;
        this.credentials = credentials;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
        this.concurrency = concurrency;
        this.maxAttempts = maxAttempts;
        this.cycleTimeout = cycleTimeout;
        this.ackTimeout = ackTimeout;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("adapter consumers are disabled (nexus.adapter.consumers.enabled=false)");
            return;
        }
        if (cycles.isResolvable()) {
            SyncCycle cycle = cycles.get();
            runner = new CycleRunner(cycle, publisher, credentials, clock, cycleTimeout, ackTimeout, metrics);
            String id = cycle.marketplace().id();
            loops.add(new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(bootstrapServers, Topics.syncRequests(cycle.marketplace()),
                    "adapter-" + id, "adapter-" + id + "-sync", concurrency, maxAttempts, Duration.ofSeconds(1)),
                    new SyncRequestHandler(cycle.marketplace(), runner), publisher, clock).start());
            LOG.infof("consuming %s as group adapter-%s", Topics.syncRequests(cycle.marketplace()), id);
        }
        if (testers.isResolvable()) {
            ConnectionTester tester = testers.get();
            String id = tester.marketplace().id();
            loops.add(new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(bootstrapServers, Topics.CONNECTION_TESTS,
                    "adapter-" + id + "-tests", "adapter-" + id + "-tests", 2, 3, Duration.ofSeconds(1)),
                    new ConnectionTestHandler(tester, credentials, publisher, clock, ackTimeout), publisher, clock).start());
        }
        if (stockWriters.isResolvable()) {
            StockWriter writer = stockWriters.get();
            String id = writer.marketplace().id();
            String topic = Topics.stockCommands(writer.marketplace());
            loops.add(new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(bootstrapServers, topic, "adapter-" + id + "-stock",
                    "adapter-" + id + "-stock", stock.concurrency(), stock.maxAttempts(), stock.retryBackoff()),
                    new StockCommandHandler(writer, credentials, metrics), publisher, clock).start());
            LOG.infof("consuming %s as group adapter-%s-stock", topic, id);
        }
        if (webhookHandlers.isResolvable()) {
            WebhookHandler handler = webhookHandlers.get();
            String id = handler.marketplace().id();
            String topic = Topics.webhooks(handler.marketplace());
            loops.add(new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(bootstrapServers, topic, "adapter-" + id + "-webhooks",
                    "adapter-" + id + "-webhooks", concurrency, maxAttempts, Duration.ofSeconds(1)),
                    new WebhookRecordHandler(handler, publisher, clock, ackTimeout, metrics), publisher, clock).start());
            LOG.infof("consuming %s as group adapter-%s-webhooks", topic, id);
        }
    }

    /** How stock commands are consumed: partitions in parallel, attempts of a failing command, its first backoff. */
    private record StockSettings(int concurrency, int maxAttempts, Duration retryBackoff) {
    }

    void stop(@Observes ShutdownEvent event) {
        loops.forEach(OrderedPartitionConsumer::close);
        loops.clear();
    }

    /** Whether every consumer loop is alive (for the readiness check). */
    public boolean healthy() {
        return loops.stream().allMatch(OrderedPartitionConsumer::isHealthy);
    }

    /** How far behind each of the adapter's consumers is (for metrics: records not yet processed per partition). */
    public List<ConsumerLag> consumerLag() {
        return List.copyOf(loops);
    }

    /** The runner of this application's cycles; present once started. */
    public CycleRunner runner() {
        return runner;
    }
}

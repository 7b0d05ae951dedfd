package io.nexusconnect.adapterkit.runtime;

import io.nexusconnect.adapterkit.consumer.ConsumerLag;
import io.nexusconnect.adapterkit.consumer.OrderedPartitionConsumer;
import io.nexusconnect.adapterkit.consumer.RecordHandler;
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
import io.nexusconnect.adapterkit.webhook.registration.WebhookRegistrar;
import io.nexusconnect.adapterkit.webhook.registration.WebhookRegistrationHandler;
import io.nexusconnect.contracts.Topics;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The consumers of one adapter, for whatever parts it has: sync requests ({@code adapter-<marketplace>}), Test
 * Connection ({@code adapter-<marketplace>-tests}), stock commands ({@code adapter-<marketplace>-stock}), webhooks
 * ({@code adapter-<marketplace>-webhooks}) and webhook registrations ({@code adapter-<marketplace>-webhook-registrations}). Plain Java, so the Quarkus runtime and a test without Quarkus start an
 * adapter the same way.
 */
public final class AdapterConsumers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AdapterConsumers.class);

    /** How the consumers run; the defaults are the documented {@code nexus.adapter.*} defaults. */
    public record Settings(String bootstrapServers, int syncConcurrency, int syncMaxAttempts, Duration cycleTimeout,
                           Duration ackTimeout, int stockConcurrency, int stockMaxAttempts, Duration stockRetryBackoff,
                           Duration retryBackoff) {
        public static Settings defaults(String bootstrapServers) {
            return new Settings(bootstrapServers, 4, 5, Duration.ofMinutes(30), Duration.ofSeconds(60), 2, 5,
                    Duration.ofSeconds(2), Duration.ofSeconds(1));
        }
    }

    private final List<OrderedPartitionConsumer> loops;
    private final CycleRunner runner;

    private AdapterConsumers(List<OrderedPartitionConsumer> loops, CycleRunner runner) {
        this.loops = loops;
        this.runner = runner;
    }

    public static Builder builder(Settings settings, EventPublisher publisher, CredentialOpener credentials, Clock clock,
                                  KitMetrics metrics) {
        return new Builder(settings, publisher, credentials, clock, metrics);
    }

    /** Whether every consumer loop is alive (for the readiness check). */
    public boolean healthy() {
        return loops.stream().allMatch(OrderedPartitionConsumer::isHealthy);
    }

    /** How far behind each consumer is (records not yet processed per partition), for the lag metric. */
    public List<ConsumerLag> lag() {
        return List.copyOf(loops);
    }

    /** The runner of the adapter's cycles; null without a {@link SyncCycle}. */
    public CycleRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        loops.forEach(OrderedPartitionConsumer::close);
    }

    public static final class Builder {
        private final Settings settings;
        private final EventPublisher publisher;
        private final CredentialOpener credentials;
        private final Clock clock;
        private final KitMetrics metrics;
        private SyncCycle cycle;
        private ConnectionTester tester;
        private StockWriter stockWriter;
        private WebhookHandler webhookHandler;
        private WebhookRegistrar webhookRegistrar;
        private String webhookPublicBaseUrl;

        private Builder(Settings settings, EventPublisher publisher, CredentialOpener credentials, Clock clock,
                        KitMetrics metrics) {
            this.settings = settings;
            this.publisher = publisher;
            this.credentials = credentials;
            this.clock = clock;
            this.metrics = metrics;
        }

        public Builder cycle(SyncCycle value) {
            this.cycle = value;
            return this;
        }

        public Builder tester(ConnectionTester value) {
            this.tester = value;
            return this;
        }

        public Builder stockWriter(StockWriter value) {
            this.stockWriter = value;
            return this;
        }

        public Builder webhookHandler(WebhookHandler value) {
            this.webhookHandler = value;
            return this;
        }

        /**
         * The adapter registers its marketplace's webhooks; callbacks are built on {@code publicBaseUrl}
         * ({@code nexus.webhooks.public-base-url}; null answers every request failed, saying so).
         */
        public Builder webhookRegistrar(WebhookRegistrar value, String publicBaseUrl) {
            this.webhookRegistrar = value;
            this.webhookPublicBaseUrl = publicBaseUrl;
            return this;
        }

        public AdapterConsumers start() {
            List<OrderedPartitionConsumer> loops = new ArrayList<>();
            CycleRunner runner = null;
            if (cycle != null) {
                runner = new CycleRunner(cycle, publisher, credentials, clock, settings.cycleTimeout(),
                        settings.ackTimeout(), metrics);
                String group = "adapter-" + cycle.marketplace().id();
                loops.add(loop(Topics.syncRequests(cycle.marketplace()), group, group + "-sync",
                        settings.syncConcurrency(), settings.syncMaxAttempts(), settings.retryBackoff(),
                        new SyncRequestHandler(cycle.marketplace(), runner)));
            }
            if (tester != null) {
                String group = "adapter-" + tester.marketplace().id() + "-tests";
                loops.add(loop(Topics.CONNECTION_TESTS, group, group, 2, 3,
                        settings.retryBackoff(),
                        new ConnectionTestHandler(tester, credentials, publisher, clock, settings.ackTimeout())));
            }
            if (stockWriter != null) {
                String group = "adapter-" + stockWriter.marketplace().id() + "-stock";
                loops.add(loop(Topics.stockCommands(stockWriter.marketplace()), group, group, settings.stockConcurrency(),
                        settings.stockMaxAttempts(), settings.stockRetryBackoff(),
                        new StockCommandHandler(stockWriter, credentials, metrics)));
            }
            if (webhookHandler != null) {
                String group = "adapter-" + webhookHandler.marketplace().id() + "-webhooks";
                loops.add(loop(Topics.webhooks(webhookHandler.marketplace()), group, group, settings.syncConcurrency(),
                        settings.syncMaxAttempts(), settings.retryBackoff(),
                        new WebhookRecordHandler(webhookHandler, credentials, publisher, clock, settings.ackTimeout(),
                                metrics)));
            }
            if (webhookRegistrar != null) {
                String group = "adapter-" + webhookRegistrar.marketplace().id() + "-webhook-registrations";
                loops.add(loop(Topics.WEBHOOK_REGISTRATIONS, group, group, 1, settings.syncMaxAttempts(),
                        settings.retryBackoff(), new WebhookRegistrationHandler(webhookRegistrar, webhookPublicBaseUrl,
                                credentials, publisher, clock, settings.ackTimeout())));
            }
            return new AdapterConsumers(List.copyOf(loops), runner);
        }

        private OrderedPartitionConsumer loop(String topic, String group, String clientId, int concurrency, int maxAttempts,
                                Duration backoff, RecordHandler handler) {
            LOG.infof("consuming %s as group %s", topic, group);
            return new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(settings.bootstrapServers(), topic, group, clientId, concurrency,
                    maxAttempts, backoff), handler, publisher, clock).start();
        }
    }
}

package io.nexusconnect.adapterkit.webhook;

import io.nexusconnect.adapterkit.consumer.RecordHandler;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.EventDecoder;
import io.nexusconnect.contracts.kafka.PoisonRecordException;
import io.nexusconnect.contracts.kafka.TransientFailureException;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a record of {@code nexus.webhooks.<marketplace>.v1} into a call of the adapter's {@link WebhookHandler}, on
 * the kit's ordered per-partition consumer: decode (unreadable, schema-invalid or another marketplace's delivery is
 * poison), skip a recently seen event id, hand over, wait for every record the handler published, then return so
 * the offset is committed. A permanent marketplace failure is dead-lettered as poison with its code; a transient one
 * is rethrown and retried.
 */
public final class WebhookRecordHandler implements RecordHandler {
    private static final Logger LOG = Logger.getLogger(WebhookRecordHandler.class);

    private final WebhookHandler handler;
    private final CredentialOpener credentials;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration ackTimeout;
    private final KitMetrics metrics;
    private final RecentEventIds recent = new RecentEventIds(10_000);

    public WebhookRecordHandler(WebhookHandler handler, CredentialOpener credentials, EventPublisher publisher, Clock clock,
                                Duration ackTimeout, KitMetrics metrics) {
        this.handler = handler;
        this.credentials = credentials;
        this.publisher = publisher;
        this.clock = clock;
        this.ackTimeout = ackTimeout;
        this.metrics = metrics;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) throws Exception {
        WebhookReceived delivery = parse(record);
        String dedupeKey = delivery.eventId() == null ? null
                : delivery.connectionId() + "|" + delivery.topic() + "|" + delivery.eventId();
        if (dedupeKey != null && recent.contains(dedupeKey)) {
            LOG.debugf("webhook %s of connection %s repeats event %s; skipped", delivery.webhookId(),
                    delivery.connectionId(), delivery.eventId());
            metrics.webhook(handler.marketplace(), KitMetrics.WebhookResult.DUPLICATE);
            return;
        }
        Sink sink = new Sink(delivery);
        try {
            handler.handle(new WebhookContext(delivery, credentials, clock), sink);
        } catch (MarketplaceException e) {
            sink.awaitQuietly();
            if (e.isTransient()) {
                throw new TransientFailureException(e.code().json() + ": " + e.getMessage(), e);
            }
            metrics.webhook(handler.marketplace(), KitMetrics.WebhookResult.REJECTED);
            throw new PoisonRecordException("webhook " + delivery.webhookId() + " refused: " + e.code().json() + ": "
                    + e.getMessage(), e);
        } catch (PoisonRecordException e) {
            metrics.webhook(handler.marketplace(), KitMetrics.WebhookResult.REJECTED);
            throw e;
        }
        sink.await();
        if (dedupeKey != null) {
            recent.remember(dedupeKey);
        }
        metrics.webhook(handler.marketplace(), KitMetrics.WebhookResult.HANDLED);
    }

    WebhookReceived parse(ConsumerRecord<String, String> record) {
        WebhookReceived delivery = EventDecoder.decode(record.value(), record.headers(), WebhookReceived.TYPE,
                WebhookReceived.class);
        if (delivery.marketplace() != handler.marketplace()) {
            throw new PoisonRecordException("webhook for marketplace " + delivery.marketplace().id() + " reached the "
                    + handler.marketplace().id() + " adapter");
        }
        return delivery;
    }

    /** Publishes for one delivery and waits for every acknowledgement before the offset may be committed. */
    private final class Sink implements WebhookSink {
        private final WebhookReceived delivery;
        private final List<CompletableFuture<?>> pending = new ArrayList<>();

        Sink(WebhookReceived delivery) {
            this.delivery = delivery;
        }

        @Override
        public void product(Product product) {
            publish(Topics.PRODUCTS, product, "product");
        }

        @Override
        public void order(Order order) {
            publish(Topics.ORDERS, order, "order");
        }

        @Override
        public void inventory(InventoryLevel level) {
            publish(Topics.INVENTORY, level, "inventory");
        }

        @Override
        public void requestSync(SyncMode mode) {
            pending.add(publisher.publish(Topics.SYNC_COMMANDS, new SyncNowRequested(UUID.randomUUID(),
                    delivery.connectionId(), delivery.tenantId(), SyncTrigger.WEBHOOK, mode, clock.instant())));
        }

        private void publish(String topic, NexusEvent record, String kind) {
            pending.add(publisher.publish(topic, record)
                    .thenRun(() -> metrics.recordPublished(handler.marketplace(), kind)));
        }

        void await() throws InterruptedException, ExecutionException, TimeoutException {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        void awaitQuietly() {
            try {
                await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debugf("records of a failed webhook were not all acknowledged: %s", e.getMessage());
            }
        }
    }
}

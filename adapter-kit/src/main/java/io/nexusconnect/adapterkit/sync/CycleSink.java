package io.nexusconnect.adapterkit.sync;

import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.RecordCounts;
import io.nexusconnect.contracts.sync.SyncProgress;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link RecordSink} of one cycle: publishes records, and at every page end waits for their acknowledgements
 * before counting them and reporting progress. Counts are therefore always of durable records.
 */
final class CycleSink implements RecordSink {
    private final SyncRequested request;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Instant deadline;
    private final Duration ackTimeout;
    private final KitMetrics metrics;
    private final List<Pending> pending = new ArrayList<>();
    private final List<CompletableFuture<?>> progress = new ArrayList<>();
    private final Map<String, String> checkpoint = new LinkedHashMap<>();
    private long products;
    private long orders;
    private long inventory;

    private record Pending(SyncScope kind, CompletableFuture<?> acked) {
    }

    /** The cycle ran longer than it may; its step ends as TIMEOUT and the cycle stops. */
    static final class DeadlineExceeded extends MarketplaceException {
        DeadlineExceeded(String message) {
            super(ErrorCode.TIMEOUT, message);
        }
    }

    CycleSink(SyncRequested request, EventPublisher publisher, Clock clock, Instant deadline, Duration ackTimeout,
              KitMetrics metrics) {
        this.metrics = metrics;
        this.request = request;
        this.publisher = publisher;
        this.clock = clock;
        this.deadline = deadline;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void product(Product product) {
        publish(SyncScope.PRODUCTS, Topics.PRODUCTS, product);
    }

    @Override
    public void order(Order order) {
        publish(SyncScope.ORDERS, Topics.ORDERS, order);
    }

    @Override
    public void inventory(InventoryLevel level) {
        publish(SyncScope.INVENTORY, Topics.INVENTORY, level);
    }

    @Override
    public void pageCompleted(SyncScope scope) {
        awaitAcks();
        progress.add(publisher.publish(Topics.SYNC_EVENTS, new SyncProgress(request.syncId(), request.connectionId(),
                request.tenantId(), request.marketplace(), scope, counts(), clock.instant())));
        if (clock.instant().isAfter(deadline)) {
            throw new DeadlineExceeded("the cycle did not finish before its deadline " + deadline);
        }
    }

    @Override
    public void checkpoint(Map<String, String> cursors) {
        awaitAcks();
        checkpoint.putAll(cursors);
    }

    /** The cursors the current step checkpointed, cleared for the next step. */
    Map<String, String> takeCheckpoint() {
        Map<String, String> taken = Map.copyOf(checkpoint);
        checkpoint.clear();
        return taken;
    }

    private void publish(SyncScope kind, String topic, NexusEvent record) {
        String kindTag = switch (kind) {
            case PRODUCTS -> "product";
            case ORDERS -> "order";
            case INVENTORY -> "inventory";
        };
        pending.add(new Pending(kind, publisher.publish(topic, record)
                .thenRun(() -> metrics.recordPublished(request.marketplace(), kindTag))));
    }

    /** Waits for every record sent so far; counts those acknowledged. A failed send fails the step. */
    void awaitAcks() {
        try {
            for (Pending p : pending) {
                p.acked().get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                switch (p.kind()) {
                    case PRODUCTS -> products++;
                    case ORDERS -> orders++;
                    case INVENTORY -> inventory++;
                }
            }
            pending.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            pending.clear();
            throw new IllegalStateException("Kafka did not acknowledge the cycle's records", e);
        }
    }

    /** After a failed step: count what did get through, without failing again. */
    void awaitAcksQuietly() {
        for (Pending p : pending) {
            try {
                p.acked().get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                switch (p.kind()) {
                    case PRODUCTS -> products++;
                    case ORDERS -> orders++;
                    case INVENTORY -> inventory++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // not counted; the step already failed
            }
        }
        pending.clear();
    }

    /** Progress events are informational, but they must be acknowledged before SyncCompleted, which follows them. */
    void awaitProgress() {
        for (CompletableFuture<?> p : progress) {
            try {
                p.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // SyncCompleted carries the final counts; a lost progress event loses nothing
            }
        }
        progress.clear();
    }

    RecordCounts counts() {
        return new RecordCounts(products, orders, inventory);
    }
}

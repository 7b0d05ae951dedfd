package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.FailureClass;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.orchestrator.stock.ListingReport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Re-keys what adapters report per connection (InventoryLevel, Product on {@code nexus.inventory.v1} /
 * {@code nexus.products.v1}, keyed {@code connectionId/sku}) to {@code tenantId/sku} on the private changes topic,
 * so the report reaches the fan-out member that owns the SKU. At least once: offsets are committed only after every
 * send of the batch was acknowledged; a repeated report is harmless to the fan-out (it compares quantities).
 * <p>
 * Tombstones (connection-service forgets a removed connection's or a delisted listing's keys): a level's tombstone
 * ({@code connectionId/sku}) becomes a {@link ListingReport#removal}, with the tenant from the connections directory;
 * a connection no longer in the directory was removed, and the fan-out already sends it nothing. A product's
 * tombstone is skipped: its key names the marketplace's listing id, which is not always the SKU, and a delisted
 * product's level is tombstoned with it.
 */
final class StockRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StockRelay.class);

    private final KafkaClients clients;
    private final String clientId;
    private final String groupId;
    private final DeadLetterRecords deadLetters;
    private final String source;
    private final Function<UUID, Optional<String>> tenantOf;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> producer;

    StockRelay(KafkaClients clients, String clientId, String groupId, DeadLetterRecords deadLetters, String source,
               Function<UUID, Optional<String>> tenantOf) {
        this.tenantOf = tenantOf;
        this.clients = clients;
        this.clientId = clientId;
        this.groupId = groupId;
        this.deadLetters = deadLetters;
        this.source = source;
    }

    void open() {
        consumer = clients.groupConsumer(clientId + "-relay", groupId);
        producer = clients.producer(clientId + "-relay");
        consumer.subscribe(List.of(Topics.INVENTORY, Topics.PRODUCTS));
    }

    /** One poll: relays what arrived, dead-letters poison, and commits once all of it is acknowledged. */
    void pass() {
        try {
            relay();
        } catch (RuntimeException e) {
            // nothing of the batch was committed: re-open, so the consumer resumes at the committed offsets
            LOG.errorf(e, "relaying stock reports failed; resuming from the committed offsets");
            close();
            open();
        }
    }

    private void relay() {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(50));
        if (records.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<Future<?>> sent = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                ListingReport report = report(record);
                if (report != null) {
                    String key = report.key();
                    sent.add(producer.send(new ProducerRecord<>(io.nexusconnect.orchestrator.stock.StockTopics.CHANGES, null,
                            key.getBytes(StandardCharsets.UTF_8), Json.write(report).getBytes(StandardCharsets.UTF_8),
                            CloudEvents.headers(UUID.randomUUID().toString(), ListingReport.TYPE, source, key, now))));
                }
            } catch (RuntimeException e) {
                if (FailureClass.of(e) == FailureClass.TRANSIENT) {
                    throw e;
                }
                LOG.warnf("report %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
                sent.add(producer.send(deadLetters.toRecord(record, e, now)));
            }
        }
        for (Future<?> future : sent) {
            await(future);
        }
        consumer.commitSync();
    }

    private ListingReport report(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return removal(record);
        }
        if (record.topic().equals(Topics.INVENTORY)) {
            InventoryLevel level = RecordDecoder.read(record, InventoryLevel.TYPE, InventoryLevel.class);
            return new ListingReport(level.connectionId(), level.tenantId(), level.sku(), level.quantity(), level.observedAt(),
                    level.heldByMarketplace());
        }
        Product product = RecordDecoder.read(record, Product.TYPE, Product.class);
        // a listing without a seller SKU cannot be matched to the system of record's stock
        return product.sku() == null || product.sku().isBlank() ? null
                : new ListingReport(product.connectionId(), product.tenantId(), product.sku(), null, product.observedAt());
    }

    private ListingReport removal(ConsumerRecord<byte[], byte[]> tombstone) {
        if (!tombstone.topic().equals(Topics.INVENTORY)) {
            return null;
        }
        String key = tombstone.key() == null ? "" : new String(tombstone.key(), StandardCharsets.UTF_8);
        int slash = key.indexOf('/');
        UUID connectionId;
        try {
            connectionId = slash < 0 ? null : UUID.fromString(key.substring(0, slash));
        } catch (IllegalArgumentException e) {
            connectionId = null;
        }
        if (connectionId == null || slash == key.length() - 1) {
            throw new MalformedEventException("tombstone key '" + abbreviate(key) + "' is not connectionId/sku");
        }
        UUID id = connectionId;
        return tenantOf.apply(id).map(tenant -> ListingReport.removal(id, tenant, key.substring(slash + 1),
                Instant.ofEpochMilli(tombstone.timestamp()))).orElse(null);
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while relaying stock reports", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("relaying a stock report failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}

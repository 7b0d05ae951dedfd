package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.FailureClass;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
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
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Re-keys what adapters report per connection (InventoryLevel, Product on {@code nexus.inventory.v1} /
 * {@code nexus.products.v1}, keyed {@code connectionId/sku}) to {@code tenantId/sku} on the private changes topic,
 * so the report reaches the fan-out member that owns the SKU. At least once: offsets are committed only after every
 * send of the batch was acknowledged; a repeated report is harmless to the fan-out (it compares quantities).
 */
final class StockRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StockRelay.class);

    private final KafkaClients clients;
    private final String clientId;
    private final String groupId;
    private final DeadLetterRecords deadLetters;
    private final String source;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> producer;

    StockRelay(KafkaClients clients, String clientId, String groupId, DeadLetterRecords deadLetters, String source) {
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

    private static ListingReport report(ConsumerRecord<byte[], byte[]> record) {
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

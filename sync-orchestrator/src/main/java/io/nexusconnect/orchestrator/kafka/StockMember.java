package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.FailureClass;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.stock.StockLevel;
import io.nexusconnect.orchestrator.stock.ListingReport;
import io.nexusconnect.orchestrator.stock.SetStockBatcher;
import io.nexusconnect.orchestrator.stock.SkuStock;
import io.nexusconnect.orchestrator.stock.StockFanOut;
import io.nexusconnect.orchestrator.stock.StockTopics;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One replica's part of the stock fan-out: a thread that (1) follows {@code nexus.connections.v1} in full (the
 * directory: tenant, marketplace, buffer and state of every connection; small and compacted), (2) relays adapter
 * reports from {@code nexus.inventory.v1} / {@code nexus.products.v1} (keyed by connection) to
 * {@link StockTopics#CHANGES} keyed by tenant/SKU, and (3) as a member of the stock group owns partitions of
 * {@code nexus.stock-levels.v1} and {@link StockTopics#CHANGES} (same numbers, RangeAssignor), so everything about a
 * tenant's SKU is decided by exactly one member. Each fan-out step is one transaction: SetStock commands, the changed
 * {@link SkuStock} records and the consumed positions.
 */
public final class StockMember {
    private static final Logger LOG = Logger.getLogger(StockMember.class);
    private static final List<String> OWNED = List.of(Topics.STOCK_LEVELS, StockTopics.CHANGES);

    private final String clientId;
    private final String groupId;
    private final KafkaClients clients;
    private final Clock clock;
    private final String source;
    private final OrchestratorMetrics metrics;
    private final StockFanOut fanOut = new StockFanOut();
    private final Map<UUID, ConnectionSnapshot> directory = new ConcurrentHashMap<>();
    private final Map<String, Owned> stocks = new ConcurrentHashMap<>();
    private final DeadLetterRecords deadLetters;
    private final StockRelay relay;

    private volatile boolean running;
    private volatile boolean assignedOnce;
    private volatile Set<Integer> partitions = Set.of();
    private volatile Thread thread;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaConsumer<byte[], byte[]> directoryConsumer;
    private KafkaConsumer<byte[], byte[]> stateReader;
    private StepWriter writer;

    record Owned(int partition, SkuStock stock) {
    }

    StockMember(String clientId, String groupId, KafkaClients clients, Clock clock, String source, OrchestratorMetrics metrics) {
        this.clientId = clientId;
        this.groupId = groupId;
        this.clients = clients;
        this.clock = clock;
        this.source = source;
        this.metrics = metrics;
        this.deadLetters = new DeadLetterRecords(source);
        this.relay = new StockRelay(clients, clientId, groupId + "-relay", deadLetters, source,
                id -> connection(id).map(ConnectionSnapshot::tenantId));
    }

    public synchronized void start() {
        if (!running) {
            running = true;
            thread = Thread.ofPlatform().name("stock-" + clientId).start(this::run);
        }
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        MemberLifecycle.awaitEnd(thread);
    }

    /** Joined the stock group with its state loaded. */
    public boolean isReady() {
        return running && assignedOnce;
    }

    public Set<Integer> partitions() {
        return partitions;
    }

    public boolean knows(UUID connectionId) {
        return directory.containsKey(connectionId);
    }

    public Optional<SkuStock> stock(String tenantId, String sku) {
        return Optional.ofNullable(stocks.get(Topics.recordKey(tenantId, sku))).map(Owned::stock);
    }

    private void run() {
        try {
            if (open()) {
                loop();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "stock member %s stopped unexpectedly", clientId);
        } finally {
            close();
        }
    }

    /** Opens everything, retrying while the broker is unreachable; false if the member was stopped meanwhile. */
    private boolean open() {
        while (running) {
            try {
                openClients();
                return true;
            } catch (KafkaException | IllegalStateException e) {
                LOG.errorf("stock member %s cannot start yet: %s", clientId, e.getMessage());
                closeClients();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private void openClients() {
        StockTopicsAdmin.ensure(clients, clientId);
        directoryConsumer = clients.loaderConsumer(clientId + "-directory");
        stateReader = clients.loaderConsumer(clientId + "-state");
        List<TopicPartition> connections = directoryConsumer.partitionsFor(Topics.CONNECTIONS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        directoryConsumer.assign(connections);
        directoryConsumer.seekToBeginning(connections);
        catchUpDirectory(connections);
        consumer = clients.groupConsumer(clientId, groupId);
        writer = new StepWriter(clients, clientId, consumer, metrics);
        relay.open();
        consumer.subscribe(OWNED, new Rebalance());
    }

    private void loop() {
        while (running) {
            try {
                followDirectory();
                relay.pass();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (!records.isEmpty()) {
                    process(records);
                }
            } catch (WakeupException | InterruptException e) {
                LOG.debugf("stock member %s woken up", clientId);
            } catch (KafkaException | IllegalStateException e) {
                recover(e);
            }
        }
    }

    /** Before owning any SKU, know every connection that existed at start-up (their buffers and marketplaces). */
    private void catchUpDirectory(List<TopicPartition> tps) {
        Map<TopicPartition, Long> end = directoryConsumer.endOffsets(tps);
        while (running && tps.stream().anyMatch(tp -> directoryConsumer.position(tp) < end.get(tp))) {
            followDirectory(Duration.ofMillis(200));
        }
    }

    private void followDirectory() {
        followDirectory(Duration.ZERO);
    }

    private void followDirectory(Duration wait) {
        for (ConsumerRecord<byte[], byte[]> record : directoryConsumer.poll(wait)) {
            try {
                UUID id = UUID.fromString(new String(record.key(), StandardCharsets.UTF_8));
                if (record.value() == null) {
                    directory.remove(id);
                } else {
                    ConnectionSnapshot snapshot = RecordDecoder.read(record, ConnectionSnapshot.TYPE, ConnectionSnapshot.class);
                    directory.merge(id, snapshot, (held, next) -> next.version() >= held.version() ? next : held);
                }
            } catch (RuntimeException e) {
                // the scheduling member dead-letters poison snapshots; the directory just skips them
                LOG.debugf("directory skips %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }
    }

    private void process(ConsumerRecords<byte[], byte[]> records) {
        Instant now = clock.instant();
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        List<StockFanOut.Push> pushes = new ArrayList<>();
        Map<String, Owned> changed = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                StockFanOut.Result result = switch (record.topic()) {
                    case Topics.STOCK_LEVELS -> {
                        StockLevel level = RecordDecoder.read(record, StockLevel.TYPE, StockLevel.class);
                        requireKey(key, level.key());
                        yield fanOut.onLevel(held(level.tenantId(), level.sku()), level, this::connection, now);
                    }
                    default -> {
                        ListingReport report = Json.read(new String(record.value(), StandardCharsets.UTF_8), ListingReport.class);
                        requireKey(key, report.key());
                        SkuStock held = held(report.tenantId(), report.sku());
                        yield report.isRemoval() ? fanOut.onRemoval(held, report)
                                : fanOut.onReport(held, report, this::connection, now);
                    }
                };
                Owned owned = new Owned(record.partition(), result.state());
                stocks.put(key, owned);
                changed.put(key, owned);
                pushes.addAll(result.pushes());
            } catch (RuntimeException e) {
                if (FailureClass.of(e) == FailureClass.TRANSIENT) {
                    throw e;
                }
                LOG.warnf("stock record %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
                out.add(deadLetters.toRecord(record, e, now));
            }
        }
        for (SetStock command : SetStockBatcher.batch(pushes, this::connection, now)) {
            // all commands of a connection on one partition, in order: a batch is keyed by its first SKU only, so the
            // key alone would let an older batch overtake a newer single-SKU command on another partition
            int partition = Utils.toPositive(Utils.murmur2(bytes(command.connectionId().toString()))) % Topics.DEFAULT_PARTITIONS;
            out.add(new ProducerRecord<>(Topics.stockCommands(command.marketplace()), partition, bytes(command.key()),
                    bytes(Json.write(command)), CloudEvents.headers(command.commandId().toString(), SetStock.TYPE, source,
                    command.key(), now)));
        }
        changed.forEach((key, owned) -> out.add(new ProducerRecord<>(StockTopics.STATE, owned.partition(), bytes(key),
                bytes(Json.write(owned.stock())))));
        writer.commit(out);
    }

    private SkuStock held(String tenantId, String sku) {
        Owned owned = stocks.get(Topics.recordKey(tenantId, sku));
        return owned == null ? SkuStock.empty(tenantId, sku) : owned.stock();
    }

    private Optional<ConnectionSnapshot> connection(UUID connectionId) {
        return Optional.ofNullable(directory.get(connectionId));
    }

    /** As in the scheduling member: a failed step leaves memory ahead of Kafka, so drop it, re-join and reload. */
    private void recover(Exception failure) {
        LOG.errorf(failure, "stock member %s: step failed; aborting it and re-joining the group", clientId);
        writer.abort(failure);
        try {
            consumer.unsubscribe();
        } catch (KafkaException e) {
            LOG.debugf("leaving the stock group: %s", e.getMessage());
        }
        stocks.clear();
        partitions = Set.of();
        consumer.subscribe(OWNED, new Rebalance());
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            release(numbers(revoked));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            release(numbers(lost));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            Set<Integer> numbers = numbers(consumer.assignment());
            release(numbers);
            loadState(numbers);
            partitions = Set.copyOf(numbers);
            assignedOnce = true;
        }
    }

    private void release(Set<Integer> gone) {
        stocks.values().removeIf(owned -> gone.contains(owned.partition()));
        partitions = partitions.stream().filter(p -> !gone.contains(p)).collect(Collectors.toUnmodifiableSet());
    }

    /** Reads the state partitions of newly assigned SKUs from the beginning; a later record of a key replaces it. */
    private void loadState(Set<Integer> numbers) {
        List<TopicPartition> tps = numbers.stream().map(p -> new TopicPartition(StockTopics.STATE, p)).toList();
        if (tps.isEmpty()) {
            return;
        }
        stateReader.assign(tps);
        stateReader.seekToBeginning(tps);
        Map<TopicPartition, Long> end = stateReader.endOffsets(tps);
        while (tps.stream().anyMatch(tp -> stateReader.position(tp) < end.get(tp))) {
            for (ConsumerRecord<byte[], byte[]> record : stateReader.poll(Duration.ofMillis(200))) {
                String key = new String(record.key(), StandardCharsets.UTF_8);
                if (record.value() == null) {
                    stocks.remove(key);
                    continue;
                }
                try {
                    stocks.put(key, new Owned(record.partition(),
                            Json.read(new String(record.value(), StandardCharsets.UTF_8), SkuStock.class)));
                } catch (RuntimeException e) {
                    LOG.warnf("unreadable stock state %s skipped: %s", key, e.getMessage());
                }
            }
        }
        stateReader.assign(List.of());
    }

    private static Set<Integer> numbers(Collection<TopicPartition> tps) {
        return tps.stream().filter(tp -> tp.topic().equals(Topics.STOCK_LEVELS)).map(TopicPartition::partition)
                .collect(Collectors.toSet());
    }

    private static void requireKey(String key, String expected) {
        if (!expected.equals(key)) {
            throw new MalformedEventException("key " + key + " does not match " + expected);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private void close() {
        closeClients();
        stocks.clear();
        partitions = Set.of();
        assignedOnce = false;
        running = false;
    }

    private void closeClients() {
        MemberLifecycle.closeQuietly(clientId, consumer, directoryConsumer, stateReader, writer, relay);
        consumer = null;
        directoryConsumer = null;
        stateReader = null;
        writer = null;
    }
}

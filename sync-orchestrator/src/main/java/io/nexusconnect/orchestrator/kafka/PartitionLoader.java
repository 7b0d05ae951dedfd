package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.orchestrator.engine.Input;
import io.nexusconnect.orchestrator.engine.Outbound;
import io.nexusconnect.orchestrator.engine.ShardEngine;
import io.nexusconnect.orchestrator.state.SyncStateCodec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Makes a member the owner of newly assigned partitions: reads their {@code nexus.sync-state.v1} partitions from the
 * beginning into the engine, then their {@code nexus.connections.v1} partitions from the beginning through the engine
 * (version-gated, so what the state already has changes nothing, and a connection that appeared while nobody owned
 * the partition is picked up), and drops held state whose connection is gone.
 */
final class PartitionLoader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PartitionLoader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Admin admin;
    private final Duration timeout;

    record Loaded(List<ProducerRecord<byte[], byte[]>> records, Map<TopicPartition, Long> connectionsEnd, int connections) {
    }

    PartitionLoader(KafkaClients clients, String clientId, Duration timeout) {
        this.consumer = clients.loaderConsumer(clientId + "-loader");
        this.admin = clients.admin(clientId + "-admin");
        this.timeout = timeout;
    }

    /**
     * @param committed the group's committed offsets of the connections partitions: poison records before them were
     *                  dead-lettered already by whoever consumed them, and are skipped silently
     */
    Loaded load(Set<Integer> partitions, ShardEngine engine, Map<TopicPartition, Long> committed, OutboundRecords outbound,
                DeadLetterRecords deadLetters, Instant now) {
        Instant deadline = Instant.now().plus(timeout);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<TopicPartition> stateTps = topicPartitions(Topics.SYNC_STATE, partitions);
        awaitNoOpenTransactions(stateTps, deadline);
        // an unreadable state record that a later one of the same key replaced was dead-lettered by an earlier load
        Map<String, ProducerRecord<byte[], byte[]>> unreadable = new HashMap<>();
        readToEnd(stateTps, deadline, record -> {
            String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
            try {
                if (record.value() == null) {
                    engine.forget(UUID.fromString(key));
                } else {
                    engine.restore(record.partition(), SyncStateCodec.decode(key, record.value()));
                }
                unreadable.remove(key);
            } catch (RuntimeException e) {
                unreadable.put(key, deadLetters.toRecord(record, e, now));
            }
        });
        // schedules that fell due while nobody owned these partitions must not all fire in the first tick
        engine.catchUp(partitions, now);
        unreadable.forEach((key, deadLetter) -> {
            LOG.warnf("unreadable sync state of %s dead-lettered; the connection is rebuilt from its snapshot", key);
            records.add(deadLetter);
        });

        List<TopicPartition> connectionTps = topicPartitions(Topics.CONNECTIONS, partitions);
        // only the latest record of each connection counts: replaying its history (a snapshot, then its tombstone)
        // would briefly bring a removed connection back and request a sync for it
        Map<UUID, Input> latest = new LinkedHashMap<>();
        Map<TopicPartition, Long> end = readToEnd(connectionTps, deadline, record -> {
            try {
                Input input = RecordDecoder.decode(record);
                latest.remove(input.connectionId());
                latest.put(input.connectionId(), input);
            } catch (MalformedEventException e) {
                long alreadyConsumed = committed.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L);
                if (record.offset() >= alreadyConsumed) {
                    records.add(deadLetters.toRecord(record, e, now));
                }
            }
        });
        Map<Integer, Set<UUID>> present = new HashMap<>();
        partitions.forEach(partition -> present.put(partition, new HashSet<>()));
        for (Input input : latest.values()) {
            if (input instanceof Input.SnapshotReceived) {
                present.get(input.partition()).add(input.connectionId());
            }
            engine.handle(input, now).forEach(out -> records.add(outbound.toRecord(out, now)));
        }
        for (int partition : partitions) {
            for (Outbound out : engine.reconcile(partition, present.get(partition))) {
                records.add(outbound.toRecord(out, now));
            }
        }
        int connections = present.values().stream().mapToInt(Set::size).sum();
        return new Loaded(records, end, connections);
    }

    /**
     * A member that died inside a transaction leaves it open until the transaction timeout; read_committed reads stop
     * before it, so loading now could miss state committed after it. Wait until the partitions are stable.
     */
    private void awaitNoOpenTransactions(List<TopicPartition> tps, Instant deadline) {
        if (tps.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetSpec> latest = tps.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        while (true) {
            Map<TopicPartition, Long> stable = offsets(latest, IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, Long> high = offsets(latest, IsolationLevel.READ_UNCOMMITTED);
            if (stable.equals(high)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("open transactions on " + tps + " did not end in time");
            }
            LOG.debugf("waiting for open transactions on %s to end", tps);
            pause();
        }
    }

    private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> specs, IsolationLevel isolation) {
        try {
            return admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list offsets of " + specs.keySet() + ": " + e.getMessage(), e);
        }
    }

    private Map<TopicPartition, Long> readToEnd(List<TopicPartition> tps, Instant deadline,
                                                Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        consumer.assign(tps);
        if (tps.isEmpty()) {
            return Map.of();
        }
        consumer.seekToBeginning(tps);
        Map<TopicPartition, Long> end = consumer.endOffsets(tps);
        while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("loading " + tps + " did not finish in time");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                // records past the end seen at the start belong to the live consumer
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    handler.accept(record);
                }
            }
        }
        consumer.assign(List.of());
        return end;
    }

    private static List<TopicPartition> topicPartitions(String topic, Set<Integer> partitions) {
        return partitions.stream().sorted().map(partition -> new TopicPartition(topic, partition)).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading partitions", e);
        }
    }

    /** Makes a load in progress give up (the member is stopping). */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}

package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.FailureClass;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.orchestrator.engine.Input;
import io.nexusconnect.orchestrator.engine.Outbound;
import io.nexusconnect.orchestrator.engine.ShardEngine;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One member of the {@code sync-orchestrator} consumer group: a dedicated thread that owns a consumer, a
 * transactional producer and a {@link ShardEngine}. The partitions the group assigns it are its shard: it alone
 * schedules those connections, so no lock is needed.
 *
 * <p>Every step (a polled batch, a tick, a partition load) is one Kafka transaction holding the sync requests, status
 * changes, state records and dead letters it caused, plus the consumer positions ({@link StepWriter}). If a step
 * fails, the transaction is aborted and the member re-joins the group, reloading its partitions from the state topic
 * and resuming at the committed offsets, so memory never runs ahead of what Kafka has.
 */
public final class ShardMember {
    private static final Logger LOG = Logger.getLogger(ShardMember.class);
    static final List<String> SUBSCRIBED = List.of(Topics.CONNECTIONS, Topics.SYNC_COMMANDS, Topics.SYNC_EVENTS);

    private final String clientId;
    private final String transactionalId;
    private final KafkaClients clients;
    private final Clock clock;
    private final Duration tick;
    private final Duration loadTimeout;
    private final ShardEngine engine;
    private final OrchestratorMetrics metrics;
    private final OutboundRecords outbound;
    private final DeadLetterRecords deadLetters;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Set<Integer> partitions = Set.of();
    private volatile boolean assignedOnce;
    private volatile boolean rebalancing;
    private volatile Instant lastTickAt;
    private volatile long lastLoopNanos = System.nanoTime();

    private KafkaConsumer<byte[], byte[]> consumer;
    private StepWriter writer;
    private PartitionLoader loader;
    private final Rebalance rebalance = new Rebalance();

    ShardMember(String clientId, String transactionalId, KafkaClients clients, Clock clock, Duration tick,
                Duration loadTimeout, String source, ShardEngine engine, OrchestratorMetrics metrics) {
        this.clientId = clientId;
        this.transactionalId = transactionalId;
        this.clients = clients;
        this.clock = clock;
        this.tick = tick;
        this.loadTimeout = loadTimeout;
        this.engine = engine;
        this.metrics = metrics;
        this.outbound = new OutboundRecords(source);
        this.deadLetters = new DeadLetterRecords(source);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("orchestrator-" + clientId).start(this::run);
    }

    /** Leaves the group cleanly (its partitions move to the other members at once) and forgets its shard. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        PartitionLoader currentLoader = loader;
        if (currentLoader != null) {
            currentLoader.wakeup();
        }
        MemberLifecycle.awaitEnd(thread);
    }

    /** Joined the group, and the state of every assigned partition is loaded. */
    public boolean isReady() {
        return running && assignedOnce && !rebalancing;
    }

    /** The loop thread runs and came round recently (a load may take up to the load timeout). */
    public boolean isAlive() {
        Thread current = thread;
        long sinceLoop = System.nanoTime() - lastLoopNanos;
        return running && current != null && current.isAlive()
                && sinceLoop < loadTimeout.plus(Duration.ofMinutes(1)).toNanos();
    }

    public Set<Integer> partitions() {
        return partitions;
    }

    /** Clock time of the latest tick whose outputs are committed; null before the first. */
    public Instant lastTickAt() {
        return lastTickAt;
    }

    public ShardEngine engine() {
        return engine;
    }

    public String clientId() {
        return clientId;
    }

    public String transactionalId() {
        return transactionalId;
    }

    private void run() {
        try {
            if (!openClients()) {
                return;
            }
            consumer.subscribe(SUBSCRIBED, rebalance);
            long nextTick = System.nanoTime();
            long pollMillis = Math.max(10, Math.min(tick.toMillis(), 200));
            while (running) {
                lastLoopNanos = System.nanoTime();
                try {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(pollMillis));
                    if (!records.isEmpty()) {
                        process(records);
                    }
                    if (System.nanoTime() - nextTick >= 0) {
                        tick();
                        nextTick = System.nanoTime() + tick.toNanos();
                    }
                } catch (WakeupException | InterruptException e) {
                    if (running) {
                        LOG.warnf("orchestrator member %s woken up while running; continuing", clientId);
                    }
                } catch (Exception e) {
                    recover(e);
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "orchestrator member %s stopped unexpectedly", clientId);
        } finally {
            closeClients();
            engine.releaseAll();
            partitions = Set.of();
            assignedOnce = false;
            running = false;
            LOG.infof("orchestrator member %s left the group", clientId);
        }
    }

    private void process(ConsumerRecords<byte[], byte[]> records) {
        Instant now = clock.instant();
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                Input input = RecordDecoder.decode(record);
                for (Outbound result : engine.handle(input, now)) {
                    out.add(outbound.toRecord(result, now));
                }
            } catch (MalformedEventException e) {
                LOG.warnf("poison record %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                out.add(deadLetters.toRecord(record, e, now));
            } catch (RuntimeException e) {
                if (FailureClass.of(e) == FailureClass.TRANSIENT) {
                    throw e; // the step is aborted and repeated from the committed offsets: nothing skipped
                }
                // a fault of the (pure, deterministic) engine would fail the same way again: it must not stop the
                // shard, so the record is kept with the failure for a replay once fixed
                LOG.errorf(e, "record %s-%d@%d failed and is dead-lettered", record.topic(), record.partition(), record.offset());
                out.add(deadLetters.toRecord(record, e, now));
            }
        }
        writer.commit(out);
    }

    private void tick() {
        Instant now = clock.instant();
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (Outbound result : engine.tick(now)) {
            out.add(outbound.toRecord(result, now));
        }
        writer.commit(out);
        lastTickAt = now;
    }

    /**
     * After a failed step nothing of it was committed, but memory may be ahead of Kafka. Leaving and re-joining the
     * group drops the shard; the next assignment reloads it from the state topic and resumes at the committed offsets.
     * (Re-joining, rather than reloading in place, also covers a member the group has already dropped.)
     */
    private void recover(Exception failure) {
        LOG.errorf(failure, "orchestrator member %s: step failed; aborting it and re-joining the group", clientId);
        rebalancing = true;
        writer.abort(failure);
        try {
            consumer.unsubscribe();
        } catch (KafkaException e) {
            LOG.debugf("leaving the group after a failed step: %s", e.getMessage());
        }
        engine.releaseAll();
        partitions = Set.of();
        consumer.subscribe(SUBSCRIBED, rebalance);
        backoff();
    }

    private void load(Set<Integer> assigned) {
        if (assigned.isEmpty()) {
            partitions = Set.of();
            return;
        }
        long begin = System.nanoTime();
        Set<TopicPartition> connectionTps = assigned.stream()
                .map(partition -> new TopicPartition(Topics.CONNECTIONS, partition))
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> committed = new HashMap<>();
        consumer.committed(connectionTps).forEach((tp, offset) -> {
            if (offset != null) {
                committed.put(tp, offset.offset());
            }
        });
        PartitionLoader.Loaded loaded = loader.load(assigned, engine, committed, outbound, deadLetters, clock.instant());
        // the loader applied the connections partitions up to their end: the live consumer continues from there, and
        // what the load caused is committed together with that position
        loaded.connectionsEnd().forEach(consumer::seek);
        writer.commit(loaded.records());
        partitions = Set.copyOf(assigned);
        LOG.infof("orchestrator member %s owns partitions %s: %d connections loaded in %d ms", clientId,
                new TreeSet<>(assigned), loaded.connections(), (System.nanoTime() - begin) / 1_000_000);
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            rebalancing = true;
            release(revoked);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            rebalancing = true;
            release(lost);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            Set<Integer> numbers = numbers(consumer.assignment());
            warnIfUnaligned(consumer.assignment(), numbers);
            engine.release(numbers);
            // the state of the partitions is in memory before any of their records is handed to us
            load(numbers);
            assignedOnce = true;
            rebalancing = false;
        }

        private void release(Collection<TopicPartition> tps) {
            Set<Integer> gone = numbers(tps);
            engine.release(gone);
            Set<Integer> kept = new HashSet<>(partitions);
            kept.removeAll(gone);
            partitions = Set.copyOf(kept);
        }
    }

    private static void warnIfUnaligned(Set<TopicPartition> assignment, Set<Integer> numbers) {
        for (String topic : SUBSCRIBED) {
            Set<Integer> ofTopic = assignment.stream().filter(tp -> tp.topic().equals(topic))
                    .map(TopicPartition::partition).collect(Collectors.toSet());
            if (!ofTopic.equals(numbers)) {
                LOG.warnf("partitions of %s %s differ from the shard %s: are all connection-keyed topics created with %d partitions?",
                        topic, ofTopic, numbers, Topics.DEFAULT_PARTITIONS);
            }
        }
    }

    private static Set<Integer> numbers(Collection<TopicPartition> tps) {
        return tps.stream().filter(tp -> tp.topic().equals(Topics.CONNECTIONS)).map(TopicPartition::partition)
                .collect(Collectors.toSet());
    }

    /** Opens the clients, retrying while the broker is unreachable; false if the member was stopped meanwhile. */
    private boolean openClients() {
        while (running) {
            lastLoopNanos = System.nanoTime();
            try {
                consumer = clients.groupConsumer(clientId);
                writer = new StepWriter(clients, transactionalId, consumer, metrics);
                loader = new PartitionLoader(clients, clientId, loadTimeout);
                return true;
            } catch (KafkaException e) {
                closeClients();
                if (!running) {
                    break;
                }
                LOG.errorf("orchestrator member %s cannot reach Kafka at %s yet: %s", clientId, clients.bootstrapServers(),
                        e.getMessage());
                backoff();
            }
        }
        return false;
    }

    private void closeClients() {
        KafkaConsumer<byte[], byte[]> current = consumer;
        MemberLifecycle.closeQuietly(clientId, current == null ? null : () -> current.close(Duration.ofSeconds(10)),
                writer, loader);
        consumer = null;
        writer = null;
        loader = null;
    }

    private void backoff() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

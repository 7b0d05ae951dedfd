package io.nexusconnect.adapterkit.consumer;

import io.nexusconnect.contracts.kafka.KafkaClientProperties;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.contracts.kafka.DeadLetters;
import io.nexusconnect.contracts.kafka.FailureClass;
import io.nexusconnect.contracts.kafka.RetryBackoff;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ordered per-partition consumer for long-running work (a sync cycle can take minutes). One poll thread owns the
 * Kafka consumer; records run on a worker pool one at a time per partition, so a key's records stay in order; a
 * partition with work queued is paused, so the buffer stays small while poll() keeps the group membership alive; an
 * offset is committed only after its record's handler returned.
 *
 * <p>Failures follow {@link FailureClass}: poison is dead-lettered at once ({@link DeadLetters}); a transient failure
 * is retried with backoff for as long as it lasts, the partition waiting behind it (nothing skipped, nothing
 * dead-lettered); a fault is retried {@code faultAttempts} times, then dead-lettered. On a rebalance, the queued
 * records of a revoked partition are dropped and a running one's offset is not committed: the new owner repeats it.
 */
public final class OrderedPartitionConsumer implements ConsumerLag, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OrderedPartitionConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration LAG_REFRESH = Duration.ofSeconds(1);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);

    /**
     * @param concurrency   how many records (partitions) are processed at once
     * @param faultAttempts how often a record whose processing fails for no known reason is tried before it is
     *                      dead-lettered (transient failures are retried without limit)
     * @param retryBackoff  the first wait before a retry; it doubles up to 30 s
     */
    public record Settings(String bootstrapServers, String topic, String groupId, String clientId, int concurrency,
                           int faultAttempts, Duration retryBackoff) {
    }

    private enum Result { DONE, RETRY }

    private record Completion(TopicPartition partition, long offset, Result result) {
    }

    private final Settings settings;
    private final RecordHandler handler;
    private final EventPublisher deadLetterPublisher;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final ExecutorService workers;
    private final Thread pollThread;
    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    /** Released by a worker when its record finished, so a waiting poll loop takes the completion at once. */
    private final java.util.concurrent.Semaphore finished = new java.util.concurrent.Semaphore(0);
    private final Map<TopicPartition, Deque<ConsumerRecord<String, String>>> queued = new HashMap<>();
    private final Set<TopicPartition> inFlight = new HashSet<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Map<TopicPartition, Integer> failures = new HashMap<>();
    private final Map<TopicPartition, Instant> retryAt = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean healthy = true;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Set<TopicPartition> assignedView = Set.of();
    private volatile Set<TopicPartition> pausedView = Set.of();
    private volatile Map<TopicPartition, Long> lagView = Map.of();
    private long lagRefreshedAt = System.nanoTime() - LAG_REFRESH.toNanos();

    public OrderedPartitionConsumer(Settings settings, RecordHandler handler, EventPublisher deadLetterPublisher,
                                    Clock clock) {
        this.settings = settings;
        this.handler = handler;
        this.deadLetterPublisher = deadLetterPublisher;
        this.clock = clock;
        this.backoff = new RetryBackoff(settings.retryBackoff(),
                settings.retryBackoff().compareTo(MAX_BACKOFF) > 0 ? settings.retryBackoff() : MAX_BACKOFF);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.concurrency(),
                r -> new Thread(r, settings.clientId() + "-worker-" + n.incrementAndGet()));
        this.pollThread = new Thread(this::pollLoop, settings.clientId() + "-poll");
    }

    public OrderedPartitionConsumer start() {
        pollThread.start();
        return this;
    }

    /** False once the poll thread died; the service's readiness should say so. */
    public boolean isHealthy() {
        return healthy && pollThread.isAlive();
    }

    /** The partitions this member owns now. */
    public Set<TopicPartition> assignedPartitions() {
        return assignedView;
    }

    /** The owned partitions not fetched now because a record of theirs is running or waiting for a retry. */
    public Set<TopicPartition> pausedPartitions() {
        return pausedView;
    }

    @Override
    public String topic() {
        return settings.topic();
    }

    @Override
    public String groupId() {
        return settings.groupId();
    }

    @Override
    public Map<TopicPartition, Long> lagByPartition() {
        return lagView;
    }

    Properties consumerConfig() {
        Properties props = new Properties();
        props.putAll(KafkaClientProperties.of(settings.bootstrapServers()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    private void pollLoop() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new StringDeserializer())) {
            consumer = kafka;
            kafka.subscribe(List.of(settings.topic()), new Rebalance());
            while (running) {
                boolean busy = !inFlight.isEmpty();
                ConsumerRecords<String, String> records = kafka.poll(busy ? Duration.ZERO : IDLE_POLL);
                for (ConsumerRecord<String, String> record : records) {
                    queued.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), tp -> new ArrayDeque<>())
                            .add(record);
                }
                if (busy && records.isEmpty()) {
                    awaitCompletion();
                }
                applyCompletions(kafka);
                dispatch();
                pauseBusyPartitions(kafka);
                refreshLag(kafka);
            }
        } catch (WakeupException e) {
            // close() woke us
        } catch (RuntimeException e) {
            healthy = false;
            LOG.errorf(e, "consumer of %s stopped", settings.topic());
        }
    }

    /**
     * While records run, the loop waits for the first of them to finish (or the idle timeout) instead of inside
     * poll(): a finished record is then committed and its partition's next record dispatched at once (waiting out
     * poll's timeout capped a partition at ten records a second). Waking the consumer instead would interrupt any of
     * its blocking calls, commits included.
     */
    private void awaitCompletion() {
        try {
            if (completions.isEmpty()) {
                finished.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finished.drainPermits();
    }

    private void applyCompletions(KafkaConsumer<String, String> kafka) {
        Completion completion;
        while ((completion = completions.poll()) != null) {
            TopicPartition tp = completion.partition();
            inFlight.remove(tp);
            Deque<ConsumerRecord<String, String>> queue = queued.get(tp);
            if (!assigned.contains(tp) || queue == null || queue.isEmpty() || queue.peek().offset() != completion.offset()) {
                continue; // revoked meanwhile: the new owner re-reads from the committed offset
            }
            if (completion.result() == Result.DONE) {
                queue.poll();
                failures.remove(tp);
                retryAt.remove(tp);
                try {
                    kafka.commitSync(Map.of(tp, new OffsetAndMetadata(completion.offset() + 1)));
                } catch (KafkaException e) {
                    LOG.warnf("commit of %s@%d failed (%s); the record may be processed again", tp, completion.offset(),
                            e.getMessage());
                }
            } else {
                int failed = failures.merge(tp, 1, Integer::sum);
                retryAt.put(tp, clock.instant().plus(backoff.after(failed)));
            }
        }
    }

    private void dispatch() {
        Instant now = clock.instant();
        for (Map.Entry<TopicPartition, Deque<ConsumerRecord<String, String>>> entry : queued.entrySet()) {
            TopicPartition tp = entry.getKey();
            ConsumerRecord<String, String> head = entry.getValue().peek();
            Instant notBefore = retryAt.get(tp);
            if (head == null || inFlight.contains(tp) || (notBefore != null && now.isBefore(notBefore))) {
                continue;
            }
            inFlight.add(tp);
            int attempt = failures.getOrDefault(tp, 0) + 1;
            workers.submit(() -> {
                completions.add(new Completion(tp, head.offset(), process(head, attempt)));
                finished.release();
            });
        }
    }

    private Result process(ConsumerRecord<String, String> record, int attempt) {
        try {
            handler.handle(record);
            return Result.DONE;
        } catch (Exception e) {
            String where = record.topic() + "-" + record.partition() + "@" + record.offset();
            switch (FailureClass.of(e)) {
                case POISON -> {
                    LOG.warnf("record %s is poison and is dead-lettered: %s", where, e.getMessage());
                    return deadLetter(record, e);
                }
                case TRANSIENT -> {
                    // the record is fine, something it needs is not: wait for it, the partition behind it waits too
                    LOG.warnf("record %s failed transiently (attempt %d), retrying in order: %s", where, attempt, e.toString());
                    return Result.RETRY;
                }
                default -> {
                    if (attempt >= settings.faultAttempts()) {
                        LOG.errorf(e, "record %s failed %d times and is dead-lettered", where, attempt);
                        return deadLetter(record, e);
                    }
                    LOG.warnf("record %s failed (attempt %d of %d), retrying: %s", where, attempt,
                            settings.faultAttempts(), e.toString());
                    return Result.RETRY;
                }
            }
        }
    }

    private Result deadLetter(ConsumerRecord<String, String> record, Throwable reason) {
        try {
            deadLetterPublisher.send(DeadLetters.toRecord(record, reason, deadLetterPublisher.source(), clock.instant()))
                    .get(30, TimeUnit.SECONDS);
            return Result.DONE;
        } catch (Exception e) {
            LOG.errorf("dead-lettering %s-%d@%d failed (%s); it is retried", record.topic(), record.partition(),
                    record.offset(), e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Result.RETRY;
        }
    }

    /** Busy partitions are paused so the buffer stays small while poll() keeps the group membership alive. */
    private void pauseBusyPartitions(KafkaConsumer<String, String> kafka) {
        Set<TopicPartition> busy = new HashSet<>();
        queued.forEach((tp, queue) -> {
            if (!queue.isEmpty() && assigned.contains(tp)) {
                busy.add(tp);
            }
        });
        Set<TopicPartition> paused = kafka.paused();
        Set<TopicPartition> toResume = new HashSet<>(paused);
        toResume.removeAll(busy);
        toResume.retainAll(assigned);
        Set<TopicPartition> toPause = new HashSet<>(busy);
        toPause.removeAll(paused);
        if (!toPause.isEmpty()) {
            kafka.pause(toPause);
        }
        if (!toResume.isEmpty()) {
            kafka.resume(toResume);
        }
        pausedView = Set.copyOf(kafka.paused());
    }

    /**
     * Lag = the partition's end (last stable offset) minus the next record not yet processed (the head of its queue,
     * or the fetch position when nothing is queued). Asked of the broker at most once a second.
     */
    private void refreshLag(KafkaConsumer<String, String> kafka) {
        long now = System.nanoTime();
        if (now - lagRefreshedAt < LAG_REFRESH.toNanos() || assigned.isEmpty()) {
            if (assigned.isEmpty()) {
                lagView = Map.of();
            }
            return;
        }
        lagRefreshedAt = now;
        try {
            Map<TopicPartition, Long> ends = kafka.endOffsets(Set.copyOf(assigned), Duration.ofSeconds(1));
            Map<TopicPartition, Long> lag = new HashMap<>();
            ends.forEach((tp, end) -> {
                Deque<ConsumerRecord<String, String>> queue = queued.get(tp);
                long next = queue != null && !queue.isEmpty() ? queue.peek().offset() : kafka.position(tp, Duration.ofSeconds(1));
                lag.put(tp, Math.max(0, end - next));
            });
            lagView = Map.copyOf(lag);
        } catch (KafkaException e) {
            LOG.debugf("lag of %s not refreshed: %s", settings.topic(), e.getMessage());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.addAll(partitions);
            assignedView = Set.copyOf(assigned);
        }

        private void forget(Collection<TopicPartition> partitions) {
            // a record still running for one of these finishes, but its offset is not committed: the new owner
            // repeats it, which is safe because records are upserts and the orchestrator dedupes by syncId
            assigned.removeAll(partitions);
            assignedView = Set.copyOf(assigned);
            partitions.forEach(tp -> {
                queued.remove(tp);
                failures.remove(tp);
                retryAt.remove(tp);
            });
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        workers.shutdown();
        try {
            pollThread.join(TimeUnit.SECONDS.toMillis(15));
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }
}

package io.nexusconnect.adapterkit.sync;

import io.nexusconnect.adapterkit.publish.EventPublisher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * A Kafka consumer loop for long-running work (a sync cycle can take minutes): one poll thread owns the consumer,
 * records run on a worker pool one at a time per partition (so a connection's requests stay in order), the poll
 * thread keeps polling with busy partitions paused (so the group does not evict us), and an offset is committed only
 * after its record's handler returned. Poison records go to {@code <topic>.dlq}; a record whose processing keeps
 * failing is retried with backoff and dead-lettered after {@code maxAttempts}. The loop never stops on one record.
 */
public final class RecordLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RecordLoop.class);

    /** @param concurrency how many records (partitions) are processed at once */
    public record Settings(String bootstrapServers, String topic, String groupId, String clientId, int concurrency,
                           int maxAttempts, Duration retryBackoff) {
    }

    private enum Result { DONE, FAILED }

    private record Completion(TopicPartition partition, long offset, Result result) {
    }

    private final Settings settings;
    private final RecordHandler handler;
    private final EventPublisher deadLetterPublisher;
    private final Clock clock;
    private final ExecutorService workers;
    private final Thread pollThread;
    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    private final Map<TopicPartition, Deque<ConsumerRecord<String, String>>> queued = new HashMap<>();
    private final Set<TopicPartition> inFlight = new HashSet<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Map<TopicPartition, Integer> attempts = new HashMap<>();
    private final Map<TopicPartition, Instant> retryAt = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean healthy = true;
    private volatile KafkaConsumer<String, String> consumer;

    public RecordLoop(Settings settings, RecordHandler handler, EventPublisher deadLetterPublisher, Clock clock) {
        this.settings = settings;
        this.handler = handler;
        this.deadLetterPublisher = deadLetterPublisher;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.concurrency(),
                r -> new Thread(r, settings.clientId() + "-worker-" + n.incrementAndGet()));
        this.pollThread = new Thread(this::pollLoop, settings.clientId() + "-poll");
    }

    public RecordLoop start() {
        pollThread.start();
        return this;
    }

    /** False once the poll thread died; the service's readiness should say so. */
    public boolean isHealthy() {
        return healthy && pollThread.isAlive();
    }

    private Properties consumerConfig() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
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
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(100))) {
                    queued.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), tp -> new ArrayDeque<>())
                            .add(record);
                }
                applyCompletions(kafka);
                dispatch();
                pauseBusyPartitions(kafka);
            }
        } catch (WakeupException e) {
            // close() woke us
        } catch (RuntimeException e) {
            healthy = false;
            LOG.errorf(e, "consumer loop of %s stopped", settings.topic());
        }
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
                attempts.remove(tp);
                retryAt.remove(tp);
                try {
                    kafka.commitSync(Map.of(tp, new OffsetAndMetadata(completion.offset() + 1)));
                } catch (KafkaException e) {
                    LOG.warnf("commit of %s@%d failed (%s); the record may be processed again", tp, completion.offset(),
                            e.getMessage());
                }
            } else {
                int failed = attempts.merge(tp, 1, Integer::sum);
                long backoff = Math.min(settings.retryBackoff().toMillis() << Math.min(failed - 1, 6), 60_000);
                retryAt.put(tp, clock.instant().plusMillis(backoff));
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
            int attempt = attempts.getOrDefault(tp, 0) + 1;
            workers.submit(() -> completions.add(new Completion(tp, head.offset(), process(head, attempt))));
        }
    }

    private Result process(ConsumerRecord<String, String> record, int attempt) {
        try {
            handler.handle(record);
            return Result.DONE;
        } catch (PoisonRecordException e) {
            // a record we cannot read, or one the marketplace refused for good: either way it waits on the DLQ
            LOG.warnf("record %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return deadLetter(record, e);
        } catch (Exception e) {
            if (attempt >= settings.maxAttempts()) {
                LOG.errorf(e, "record %s-%d@%d failed %d times and is dead-lettered", record.topic(), record.partition(),
                        record.offset(), attempt);
                return deadLetter(record, new PoisonRecordException("processing failed " + attempt + " times: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e));
            }
            LOG.warnf("record %s-%d@%d failed (attempt %d), retrying: %s", record.topic(), record.partition(),
                    record.offset(), attempt, e.toString());
            return Result.FAILED;
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
            return Result.FAILED;
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
        busy.removeAll(paused);
        if (!busy.isEmpty()) {
            kafka.pause(busy);
        }
        if (!toResume.isEmpty()) {
            kafka.resume(toResume);
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
        }

        private void forget(Collection<TopicPartition> partitions) {
            // a cycle still running for one of these finishes, but its offset is not committed: the new owner
            // repeats it, which is safe because records are upserts and the orchestrator dedupes by syncId
            assigned.removeAll(partitions);
            partitions.forEach(tp -> {
                queued.remove(tp);
                attempts.remove(tp);
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

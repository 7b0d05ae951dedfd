package io.nexusconnect.gateway.kafka;

import io.nexusconnect.contracts.kafka.KafkaClientProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads every partition of one topic into a local view, without a consumer group: every replica holds the whole
 * view. It starts at the beginning (or at {@code from}), and is {@link #caughtUp()} once it has read up to the end
 * offsets it saw at start; then it keeps following.
 */
public final class TopicFollower implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TopicFollower.class);

    private final String topic;
    private final Properties config;
    private final Instant from;
    private final Consumer<ConsumerRecord<String, String>> handler;
    private final Runnable onIdle;
    private final Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean caughtUp;
    private volatile boolean running = true;

    /**
     * @param from   the earliest record time of interest, or null for the whole topic
     * @param onIdle called after every poll (housekeeping on the same thread as the handler)
     */
    public TopicFollower(String bootstrapServers, String clientId, String topic, Instant from,
                         Consumer<ConsumerRecord<String, String>> handler, Runnable onIdle) {
        this.topic = topic;
        this.from = from;
        this.handler = handler;
        this.onIdle = onIdle;
        this.config = new Properties();
        config.putAll(KafkaClientProperties.of(bootstrapServers));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.thread = Thread.ofPlatform().daemon().name("follow-" + topic).unstarted(this::run);
    }

    public TopicFollower start() {
        thread.start();
        return this;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public String topic() {
        return topic;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config)) {
                consumer = kafka;
                Map<TopicPartition, Long> end = assign(kafka);
                while (running) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                        handle(record);
                    }
                    if (!caughtUp && end.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                        caughtUp = true;
                        LOG.infof("%s: local view caught up", topic);
                    }
                    onIdle.run();
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                if (running) {
                    // the view keeps what it has; a new consumer re-reads from the start, the handlers are idempotent
                    LOG.warnf("%s: follower failed (%s), restarting", topic, e.getClass().getSimpleName());
                    sleepQuietly();
                }
            }
        }
    }

    private Map<TopicPartition, Long> assign(KafkaConsumer<String, String> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        if (from != null) {
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(p -> times.put(p, from.toEpochMilli()));
            kafka.offsetsForTimes(times).forEach((partition, offset) -> {
                if (offset != null) {
                    kafka.seek(partition, offset.offset());
                } else {
                    kafka.seekToEnd(List.of(partition));
                }
            });
        }
        return kafka.endOffsets(partitions);
    }

    private void handle(ConsumerRecord<String, String> record) {
        try {
            handler.accept(record);
        } catch (RuntimeException e) {
            // one unreadable record must not stop the view; the reason names the record, never its content
            LOG.warnf("%s: skipped record at partition %d offset %d: %s", topic, record.partition(), record.offset(),
                    e.getClass().getSimpleName());
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

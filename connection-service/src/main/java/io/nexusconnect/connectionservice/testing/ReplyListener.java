package io.nexusconnect.connectionservice.testing;

import io.nexusconnect.contracts.kafka.KafkaClientProperties;
import io.nexusconnect.connectionservice.inbox.IncomingRecords;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every partition of {@code nexus.connection-tests.replies.v1} from its end, without a consumer group: each
 * replica must see all replies, because the one that sent a request is the one holding the waiting caller. Nothing is
 * committed; replies older than the start are of no use to anybody. A reply that cannot be read is skipped here:
 * every replica reads it, so {@link ReplyAudit}, a grouped consumer, dead-letters it once.
 */
final class ReplyListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ReplyListener.class);

    private final KafkaConsumer<String, String> consumer;
    private final Consumer<ConnectionTestResult> onReply;
    private final Thread thread;
    private volatile boolean listening;
    private volatile boolean running = true;

    ReplyListener(String bootstrapServers, Consumer<ConnectionTestResult> onReply) {
        this.consumer = new KafkaConsumer<>(KafkaClientProperties.of(bootstrapServers, Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "connection-service-test-replies",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")),
                new StringDeserializer(), new StringDeserializer());
        this.onReply = onReply;
        this.thread = new Thread(this::run, "connection-test-replies");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean listening() {
        return listening;
    }

    private void run() {
        try {
            while (running) {
                try {
                    assignFromEnd();
                    while (running) {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                            handle(record);
                        }
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // a broker hiccup must not end Test Connection for the life of the process: listen again from
                    // the end (tests waiting meanwhile time out with a clear answer) after a short pause
                    listening = false;
                    LOG.errorf("connection test reply listener failed (%s); listening again in 1 s", e.getClass().getName());
                    pause();
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll up
        } finally {
            listening = false;
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void assignFromEnd() throws WakeupException {
        List<PartitionInfo> partitions = List.of();
        while (running && partitions.isEmpty()) {
            try {
                partitions = consumer.partitionsFor(Topics.CONNECTION_TEST_REPLIES, Duration.ofSeconds(5));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // broker not reachable yet, or the topic not provisioned yet: keep asking
                partitions = null;
            }
            if (partitions == null) {
                partitions = List.of();
            }
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        // resolve the positions now: a reply to a request sent after this point lies beyond them
        assigned.forEach(consumer::position);
        listening = true;
    }

    private void handle(ConsumerRecord<String, String> record) {
        try {
            onReply.accept(read(record));
        } catch (MalformedEventException e) {
            LOG.debugf("skipped unreadable connection test reply at %s-%d@%d (ReplyAudit dead-letters it)",
                    record.topic(), record.partition(), record.offset());
        }
    }

    /** The reply in {@code record}; {@link MalformedEventException} with the reason when it is none. */
    static ConnectionTestResult read(ConsumerRecord<String, String> record) {
        return IncomingRecords.decode(record, ConnectionTestResult.TYPE, ConnectionTestResult.class);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

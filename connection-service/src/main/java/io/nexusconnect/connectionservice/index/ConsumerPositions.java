package io.nexusconnect.connectionservice.index;

import io.nexusconnect.contracts.kafka.KafkaClientProperties;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where topics end and how far this service's consumer groups have committed: what the listing sweep waits for. The
 * committed offsets are the groups' (not one replica's in-memory positions), so the answer holds whichever replica
 * consumes which partition. Committed offsets only move after the record's transaction committed.
 */
@ApplicationScoped
public class ConsumerPositions {
    private static final long TIMEOUT_SECONDS = 30;
    private final Admin admin;

    ConsumerPositions(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.admin = Admin.create(KafkaClientProperties.of(bootstrapServers));
    }

    /** The end offsets (read_committed) of every partition of {@code topics}: topic → partition → offset. */
    public Map<String, Map<Integer, Long>> ends(Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        get(admin.describeTopics(topics).allTopicNames()).forEach((topic, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<String, Map<Integer, Long>> ends = new TreeMap<>();
        get(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()).forEach((tp, info) ->
                ends.computeIfAbsent(tp.topic(), t -> new TreeMap<>()).put(tp.partition(), info.offset()));
        return ends;
    }

    /** True when {@code group} has committed at least {@code ends} on every partition of {@code topic}. */
    public boolean reached(String group, String topic, Map<Integer, Long> ends) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        return ends.entrySet().stream().allMatch(end -> {
            OffsetAndMetadata at = committed.get(new TopicPartition(topic, end.getKey()));
            return end.getValue() == 0 || (at != null && at.offset() >= end.getValue());
        });
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer: " + e.getMessage(), e);
        }
    }

    void close(@Observes ShutdownEvent event) {
        admin.close(Duration.ofSeconds(5));
    }
}

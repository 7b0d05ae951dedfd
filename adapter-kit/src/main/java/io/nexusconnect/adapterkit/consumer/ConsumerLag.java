package io.nexusconnect.adapterkit.consumer;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * How far a consumer is behind its topic: per assigned partition, the records not yet processed (log end minus the
 * next offset to commit). Read by metrics and readiness; refreshed by the consumer's poll thread.
 */
public interface ConsumerLag {
    String topic();

    String groupId();

    Map<TopicPartition, Long> lagByPartition();

    default long totalLag() {
        return lagByPartition().values().stream().mapToLong(Long::longValue).sum();
    }
}

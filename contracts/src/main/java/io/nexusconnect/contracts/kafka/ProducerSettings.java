package io.nexusconnect.contracts.kafka;

import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The one producer configuration of the system. Idempotent with {@code acks=all}: an acknowledged record is on every
 * in-sync replica and a retried send is not duplicated; up to 5 requests in flight keep the order per partition
 * (idempotence guarantees it); lz4 compression (cheap on CPU, JSON shrinks well); a short linger batches the records
 * of one step. Every producer of every service starts from here.
 */
public final class ProducerSettings {
    public static final String COMPRESSION = "lz4";

    private ProducerSettings() {
    }

    public static Map<String, Object> map(String bootstrapServers, String clientId) {
        Map<String, Object> config = KafkaClientProperties.of(bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        return config;
    }

    public static Properties properties(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.putAll(map(bootstrapServers, clientId));
        return props;
    }

    /**
     * The same, transactional: what one step writes (and the consumed offsets) commit together or not at all. A short
     * transaction timeout bounds how long a crashed writer's open transaction holds back read_committed readers.
     */
    public static Properties transactional(String bootstrapServers, String transactionalId, Duration transactionTimeout) {
        Properties props = properties(bootstrapServers, transactionalId);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(transactionTimeout.toMillis()));
        return props;
    }
}

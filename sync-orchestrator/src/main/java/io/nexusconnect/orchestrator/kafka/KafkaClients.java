package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.contracts.kafka.KafkaClientProperties;
import io.nexusconnect.orchestrator.config.OrchestratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import io.nexusconnect.contracts.kafka.ProducerSettings;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** The Kafka clients of a group member, configured for sharding and exactly-once state. */
@ApplicationScoped
public class KafkaClients {
    private final String bootstrapServers;
    private final OrchestratorConfig config;

    KafkaClients(@ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers,
                 OrchestratorConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    /**
     * The group consumer. The classic protocol with the RangeAssignor gives a member the same partition numbers of
     * every subscribed topic (they all have the same partition count and key), which is what makes it the sole owner
     * of those connections. read_committed: we only act on what producers committed.
     */
    public KafkaConsumer<byte[], byte[]> groupConsumer(String clientId) {
        return groupConsumer(clientId, config.groupId());
    }

    /** A consumer of another group with the same settings (the stock fan-out and its relay). */
    public KafkaConsumer<byte[], byte[]> groupConsumer(String clientId, String groupId) {
        Properties props = common(clientId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A group-less consumer that reads assigned partitions from their beginning (state and connection reloads). */
    public KafkaConsumer<byte[], byte[]> loaderConsumer(String clientId) {
        Properties props = common(clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Idempotent, acks=all, transactional: requests, status, state and the consumed offsets of one step are committed
     * together or not at all. The short transaction timeout bounds how long a crashed member's open transaction can
     * hold back read_committed readers.
     */
    public KafkaProducer<byte[], byte[]> transactionalProducer(String transactionalId) {
        return new KafkaProducer<>(ProducerSettings.transactional(bootstrapServers, transactionalId, Duration.ofSeconds(30)),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Idempotent, acks=all, not transactional: the relay commits its offsets only after every send was acknowledged. */
    public KafkaProducer<byte[], byte[]> producer(String clientId) {
        return new KafkaProducer<>(ProducerSettings.properties(bootstrapServers, clientId), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    public Admin admin(String clientId) {
        return Admin.create(KafkaClientProperties.of(bootstrapServers, Map.of(AdminClientConfig.CLIENT_ID_CONFIG, clientId)));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private Properties common(String clientId) {
        Properties props = new Properties();
        props.putAll(KafkaClientProperties.of(bootstrapServers));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }
}

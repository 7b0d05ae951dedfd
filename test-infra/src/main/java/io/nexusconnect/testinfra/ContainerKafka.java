package io.nexusconnect.testinfra;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The shared broker from the official {@code apache/kafka} image at the version of the project's Kafka clients (one
 * combined broker + controller in KRaft mode, as Testcontainers' {@link KafkaContainer} runs it), configured like the
 * embedded one: internal topics with one replica, six partitions, no rebalance delay.
 */
final class ContainerKafka implements KafkaServer {
    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafka start() {
        String image = System.getProperty("nexus.test.infra.kafka-image", "apache/kafka:" + AppInfoParser.getVersion());
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image))
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "6")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "6")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withEnv("KAFKA_NUM_PARTITIONS", "6")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_LOG_CLEANER_DEDUPE_BUFFER_SIZE", String.valueOf(2 * 1024 * 1024));
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}

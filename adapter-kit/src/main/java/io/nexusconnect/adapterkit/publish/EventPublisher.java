package io.nexusconnect.adapterkit.publish;

import io.nexusconnect.contracts.kafka.KafkaClientProperties;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes events the one way the system agrees on: key {@code event.key()}, value {@code Json.write(event)},
 * CloudEvents headers with {@code ce_source} = this service. The producer is idempotent with {@code acks=all}, so an
 * acknowledged event is durable and a retried send is not duplicated.
 */
public final class EventPublisher implements AutoCloseable {
    private final Producer<String, String> producer;
    private final String source;

    public EventPublisher(Producer<String, String> producer, String source) {
        this.producer = producer;
        this.source = source;
    }

    public static EventPublisher create(String bootstrapServers, String source, String clientId) {
        return new EventPublisher(new KafkaProducer<>(producerConfig(bootstrapServers, clientId), new StringSerializer(),
                new StringSerializer()), source);
    }

    public static Properties producerConfig(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.putAll(KafkaClientProperties.of(bootstrapServers));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        return props;
    }

    /** Sends; the future completes when the broker acknowledged (acks=all) or fails with the send error. */
    public CompletableFuture<RecordMetadata> publish(String topic, NexusEvent event) {
        return send(new ProducerRecord<>(topic, null, event.key(), Json.write(event),
                CloudEvents.headers(event.eventType(), source, event.key())));
    }

    /** Sends a prepared record (dead letters, replies) with the same durability. */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, String> record) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    public String source() {
        return source;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}

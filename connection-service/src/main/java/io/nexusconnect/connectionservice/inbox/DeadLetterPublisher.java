package io.nexusconnect.connectionservice.inbox;

import io.nexusconnect.contracts.kafka.DeadLetters;
import io.nexusconnect.contracts.kafka.ProducerSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * Writes this service's dead letters in the system's one format ({@link DeadLetters}), with the one producer
 * configuration; the consumer acknowledges its record only once the dead letter is acknowledged.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    private final KafkaProducer<String, String> producer;
    private final String service;
    private final Clock clock;

    DeadLetterPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                        @ConfigProperty(name = "quarkus.application.name") String applicationName, Clock clock) {
        this.producer = new KafkaProducer<>(ProducerSettings.properties(bootstrapServers, applicationName + "-dead-letters"),
                new StringSerializer(), new StringSerializer());
        this.service = "/nexus/" + applicationName;
        this.clock = clock;
    }

    public Uni<Void> send(ConsumerRecord<String, String> record, Throwable reason) {
        return Uni.createFrom().emitter(emitter -> producer.send(
                DeadLetters.toRecord(record, reason, service, clock.instant()), (metadata, error) -> {
                    if (error != null) {
                        emitter.fail(error);
                    } else {
                        emitter.complete(null);
                    }
                }));
    }

    void close(@Observes ShutdownEvent event) {
        producer.close(Duration.ofSeconds(5));
    }
}

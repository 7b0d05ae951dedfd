package io.nexusconnect.gateway.publish;

import io.nexusconnect.contracts.kafka.KafkaClientProperties;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Puts verified deliveries on {@code nexus.webhooks.<marketplace>.v1} with an idempotent, {@code acks=all}
 * producer, and the dedupe marker after them. The returned future completes when the broker confirmed the record:
 * only then may the marketplace hear 2xx.
 */
public final class WebhookPublisher implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String source;
    private final java.util.concurrent.ExecutorService markers =
            java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("dedupe-markers").factory());

    /** @param deliveryTimeout how long the producer keeps trying one record (at least 30 s, its request timeout) */
    public WebhookPublisher(String bootstrapServers, String clientId, String source, Duration deliveryTimeout) {
        Properties config = new Properties();
        config.putAll(KafkaClientProperties.of(bootstrapServers));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // a few ms of batching: many concurrent deliveries share one produce request instead of one each
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
        // send() must not hold a request long when the broker is gone: no metadata within a second fails it (503)
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
        // The producer's own timeouts are NOT the HTTP answer's: the answer gives up after publish-timeout (503) while
        // the record stays in flight, and a record that becomes durable later turns the marketplace's retry into a
        // duplicate. Short request timeouts would make a slow broker slower with resends.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryTimeout.toMillis()));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(config);
        this.source = source;
        warmMetadata();
    }

    /**
     * Fetches the topics' metadata now, so the first deliveries do not each wait for it (max.block.ms) and the marker
     * sends never find the dedupe topic unknown. A broker that is not up yet only makes this a no-op.
     */
    private void warmMetadata() {
        for (String topic : java.util.stream.Stream.concat(
                java.util.Arrays.stream(io.nexusconnect.contracts.Marketplace.values()).map(m -> m.webhookTopic()),
                java.util.stream.Stream.of(Topics.WEBHOOK_DEDUPE)).toList()) {
            try {
                producer.partitionsFor(topic);
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    /** Completes once the record is durable on the webhook topic; fails with the broker's error otherwise. */
    public CompletableFuture<Void> publish(WebhookReceived event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ProducerRecord<String, String> record = new ProducerRecord<>(event.marketplace().webhookTopic(), null,
                event.receivedAt().toEpochMilli(), event.key(), Json.write(event),
                CloudEvents.headers(event.webhookId().toString(), WebhookReceived.TYPE, source, event.connectionId().toString(),
                        event.receivedAt()));
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /**
     * Tells every replica that {@code dedupeKey} is published; a lost marker only lets one duplicate through. Called
     * from a delivery's completion, which runs on the producer's I/O thread: the send is handed to a thread of its own,
     * because send() can block on metadata that only that I/O thread could fetch.
     */
    public void mark(String dedupeKey, Instant at) {
        markers.execute(() -> {
            try {
                producer.send(new ProducerRecord<>(Topics.WEBHOOK_DEDUPE, null, at.toEpochMilli(), dedupeKey,
                        "{\"publishedAt\":\"" + at + "\"}"));
            } catch (RuntimeException e) {
                // best effort by design (see the README's duplicate guarantees)
            }
        });
    }

    @Override
    public void close() {
        markers.shutdown();
        producer.close(Duration.ofSeconds(5));
    }
}

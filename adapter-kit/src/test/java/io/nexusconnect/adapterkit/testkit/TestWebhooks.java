package io.nexusconnect.adapterkit.testkit;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.testinfra.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Webhook deliveries as webhook-gateway publishes them, and their dead letters. */
public final class TestWebhooks {
    private TestWebhooks() {
    }

    /**
     * A verified JSON delivery for the connection with the marketplace's topic and event id, carrying the connection
     * (credentials sealed) as webhook-gateway's deliveries do.
     */
    public static WebhookReceived delivery(ConnectionSnapshot connection, String topic, String eventId, String jsonBody) {
        return WebhookReceived.of(UUID.randomUUID(), connection.marketplace(), connection.connectionId(),
                connection.tenantId(), topic, eventId, Instant.now(), Map.of("content-type", "application/json"),
                "application/json", jsonBody.getBytes(StandardCharsets.UTF_8), "test-hmac", false).withConnection(connection);
    }

    public static void send(WebhookReceived delivery) {
        KafkaTestClient.publish(Topics.webhooks(delivery.marketplace()), delivery);
    }

    /** The dead letter of {@code delivery}, waiting for it up to {@link TestCycles#WAIT}. */
    public static Optional<ConsumerRecord<String, String>> deadLetter(WebhookReceived delivery) {
        String topic = Topics.dlq(Topics.webhooks(delivery.marketplace()));
        String id = delivery.webhookId().toString();
        return KafkaTestClient.readUntil(topic, records -> records.stream().anyMatch(r -> r.value() != null && r.value().contains(id)),
                TestCycles.WAIT).stream().filter(r -> r.value() != null && r.value().contains(id)).findFirst();
    }
}

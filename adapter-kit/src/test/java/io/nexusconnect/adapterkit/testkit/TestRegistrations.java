package io.nexusconnect.adapterkit.testkit;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Action;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Reason;
import io.nexusconnect.testinfra.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.UUID;

/** Webhook registration requests as connection-service records them, and the adapter's answers. */
public final class TestRegistrations {
    private TestRegistrations() {
    }

    /** Publishes the request on {@code nexus.webhook-registrations.v1} and waits for its answer (schema-checked). */
    public static WebhookEndpoints request(ConnectionSnapshot connection, Action action, Reason reason) {
        UUID requestId = UUID.randomUUID();
        KafkaTestClient.publish(Topics.WEBHOOK_REGISTRATIONS, new WebhookRegistrationRequested(requestId,
                connection.connectionId(), connection.tenantId(), connection.marketplace(), action, reason, connection,
                Instant.now()));
        String marker = "\"requestId\":\"" + requestId + "\"";
        ConsumerRecord<String, String> answer = KafkaTestClient.readUntil(Topics.WEBHOOK_ENDPOINTS,
                        all -> all.stream().anyMatch(r -> r.value() != null && r.value().contains(marker)), TestCycles.WAIT)
                .stream().filter(r -> r.value() != null && r.value().contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no answer to webhook registration " + requestId));
        var violations = EventSchemas.strictViolations(WebhookEndpoints.TYPE, answer.value());
        if (!violations.isEmpty()) {
            throw new AssertionError("answer violates its schema: " + violations);
        }
        return Json.read(answer.value(), WebhookEndpoints.class);
    }
}

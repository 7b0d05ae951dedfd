package io.nexusconnect.connectionservice.webhook;

import io.nexusconnect.connectionservice.inbox.InboundProcessing;
import io.nexusconnect.connectionservice.inbox.IncomingRecords;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nexus.webhook-endpoints.v1} → the connection's "Webhook Registration". Idempotent and order-proof like the
 * status: an answer lands only when it is newer ({@code changedAt}) than the stored one, and only for a connection of
 * the tenant it names (removed ones included: their webhooks were just unregistered). Endpoint addresses are stored
 * masked.
 */
@ApplicationScoped
public class WebhookEndpointsConsumer {
    private static final String APPLY = """
            insert into webhook_registrations (connection_id, tenant_id, answered_id, state, endpoints, error_code,
                message, changed_at)
            select c.id, c.tenant_id, cast(:request as uuid), cast(:state as varchar), cast(cast(:endpoints as text) as jsonb),
                cast(:errorCode as varchar), cast(:message as text), cast(:changedAt as timestamptz)
            from connections c where c.id = :connection and c.tenant_id = :tenant
            on conflict (connection_id) do update set answered_id = excluded.answered_id, state = excluded.state,
                endpoints = excluded.endpoints, error_code = excluded.error_code, message = excluded.message,
                changed_at = excluded.changed_at
            where webhook_registrations.tenant_id = excluded.tenant_id
                and (webhook_registrations.changed_at is null or webhook_registrations.changed_at < excluded.changed_at)
            """;

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    InboundProcessing inbound;

    @Incoming("webhook-endpoints")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // tombstone: the adapter forgot the connection; the last answer stays readable
            return Uni.createFrom().voidItem();
        }
        return inbound.process(record, r -> checked(IncomingRecords.decode(r, WebhookEndpoints.TYPE, WebhookEndpoints.class)),
                event -> sessions.withTransaction((session, tx) -> session.createNativeQuery(APPLY)
                        .setParameter("request", event.requestId())
                        .setParameter("state", event.state().json())
                        .setParameter("endpoints", Json.write(Map.of(WebhookRegistrationEntity.ITEMS, masked(event.endpoints()))))
                        .setParameter("errorCode", event.errorCode() == null ? null : event.errorCode().json())
                        .setParameter("message", event.message())
                        .setParameter("changedAt", event.changedAt().atOffset(ZoneOffset.UTC))
                        .setParameter("connection", event.connectionId())
                        .setParameter("tenant", event.tenantId())
                        .executeUpdate()));
    }

    private static List<Map<String, String>> masked(List<WebhookEndpoints.Endpoint> endpoints) {
        return endpoints.stream().map(e -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("topic", e.topic());
            row.put("callbackUrl", CallbackUrls.masked(e.callbackUrl()));
            row.put("externalId", e.externalId());
            row.put("status", e.status());
            return row;
        }).toList();
    }

    private static WebhookEndpoints checked(WebhookEndpoints event) {
        if (event.connectionId() == null || event.tenantId() == null || event.state() == null || event.changedAt() == null) {
            throw new MalformedEventException("webhook endpoints without connectionId, tenantId, state or changedAt");
        }
        if (event.endpoints().stream().anyMatch(e -> e == null || e.topic() == null || e.callbackUrl() == null)) {
            throw new MalformedEventException("webhook endpoint without topic or callbackUrl");
        }
        return event;
    }
}

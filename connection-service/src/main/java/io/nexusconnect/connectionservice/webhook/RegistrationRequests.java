package io.nexusconnect.connectionservice.webhook;

import io.nexusconnect.connectionservice.connection.ConnectionService;
import io.nexusconnect.connectionservice.connection.ConnectionSnapshots;
import io.nexusconnect.connectionservice.outbox.OutboxWriter;
import io.nexusconnect.connectionservice.policy.TenantPolicies;
import io.nexusconnect.connectionservice.problem.ConflictProblem;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Action;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Reason;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Asks the adapter to register (or remove) a connection's webhooks at its marketplace: a
 * {@link WebhookRegistrationRequested} through the outbox, in the caller's transaction, so the request exists exactly
 * when the change that needs it was committed; and the request remembered for the connection's "Webhook Registration".
 * Marketplaces nexus does not register webhooks with get nothing.
 */
@ApplicationScoped
public class RegistrationRequests {
    private static final String REMEMBER = """
            insert into webhook_registrations (connection_id, tenant_id, requested_id, requested_action, requested_reason,
                requested_at)
            values (:connection, :tenant, :request, :action, :reason, :at)
            on conflict (connection_id) do update set requested_id = excluded.requested_id,
                requested_action = excluded.requested_action, requested_reason = excluded.requested_reason,
                requested_at = excluded.requested_at
            """;

    @Inject
    OutboxWriter outbox;
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    ConnectionService connections;
    @Inject
    TenantPolicies policies;
    @Inject
    Clock clock;

    /**
     * Register again on request (e.g. after a failure was fixed at the marketplace): the connection as it is, nothing
     * of it changes. A marketplace nexus does not register webhooks with is a 409 problem.
     */
    public Uni<WebhookRegistrationRequested> requestNow(String tenantId, UUID id) {
        return sessions.withTransaction((session, tx) -> connections.load(session, tenantId, id).chain(c -> {
            Marketplace marketplace = Marketplace.of(c.marketplace);
            if (!marketplace.registersWebhooks()) {
                throw new ConflictProblem(marketplace.displayName() + " has no webhooks nexus registers: it is polled on "
                        + "the sync interval");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return policies.current(session, tenantId).chain(policy ->
                    record(session, ConnectionSnapshots.of(c, policy), Action.REGISTER, Reason.REQUESTED, now));
        }));
    }

    /** The request, or null when the connection's marketplace has no webhooks nexus registers. */
    public Uni<WebhookRegistrationRequested> record(Mutiny.Session session, ConnectionSnapshot snapshot, Action action,
                                                    Reason reason, Instant now) {
        if (!snapshot.marketplace().registersWebhooks()) {
            return Uni.createFrom().nullItem();
        }
        WebhookRegistrationRequested request = new WebhookRegistrationRequested(UUID.randomUUID(),
                snapshot.connectionId(), snapshot.tenantId(), snapshot.marketplace(), action, reason, snapshot, now);
        return outbox.append(session, Topics.WEBHOOK_REGISTRATIONS, request.requestId(), request, now)
                .chain(() -> session.createNativeQuery(REMEMBER)
                        .setParameter("connection", request.connectionId())
                        .setParameter("tenant", request.tenantId())
                        .setParameter("request", request.requestId())
                        .setParameter("action", action.json())
                        .setParameter("reason", reason.json())
                        .setParameter("at", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWith(request);
    }
}

package io.nexusconnect.connectionservice.policy;

import io.nexusconnect.connectionservice.connection.ConnectionEntity;
import io.nexusconnect.connectionservice.connection.ConnectionSnapshots;
import io.nexusconnect.connectionservice.outbox.OutboxWriter;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The global settings of a tenant. They are resolved into every connection snapshot, so a change re-publishes all of
 * the tenant's live connections, in the transaction that stores the change: the orchestrator never acts on a policy
 * PostgreSQL does not have.
 */
@ApplicationScoped
public class TenantPolicies {
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;

    /** The tenant's policy, or the defaults while it has none; within the caller's session. */
    public Uni<TenantPolicy> current(Mutiny.Session session, String tenantId) {
        return session.find(TenantPolicyEntity.class, tenantId)
                .map(row -> row == null ? TenantPolicy.defaults() : row.policy());
    }

    public Uni<PolicyView> view(String tenantId) {
        return sessions.withSession(session -> session.find(TenantPolicyEntity.class, tenantId)
                .map(row -> row == null ? PolicyView.of(TenantPolicy.defaults(), null) : PolicyView.of(row.policy(), row.updatedAt)));
    }

    public Uni<PolicyView> update(String tenantId, PolicyInput input) {
        return sessions.withTransaction((session, tx) -> session.find(TenantPolicyEntity.class, tenantId).chain(row -> {
            TenantPolicy policy = PolicyValidator.merge(row == null ? TenantPolicy.defaults() : row.policy(), input);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            TenantPolicyEntity stored = row == null ? new TenantPolicyEntity() : row;
            stored.tenantId = tenantId;
            stored.apply(policy, now);
            Uni<Void> saved = row == null ? session.persist(stored) : Uni.createFrom().voidItem();
            return saved.chain(() -> republish(session, tenantId, policy, now)).replaceWith(PolicyView.of(policy, now));
        }));
    }

    private Uni<Void> republish(Mutiny.Session session, String tenantId, TenantPolicy policy, Instant now) {
        return session.createSelectionQuery("from ConnectionEntity where tenantId = :tenant and removedAt is null",
                        ConnectionEntity.class)
                .setParameter("tenant", tenantId)
                .getResultList()
                .chain(connections -> {
                    // a changed updatedAt makes each row dirty, so its version grows and consumers take the new snapshot
                    connections.forEach(c -> c.updatedAt = now);
                    return session.flush().chain(() -> appendAll(session, connections, policy, now));
                });
    }

    private Uni<Void> appendAll(Mutiny.Session session, List<ConnectionEntity> connections, TenantPolicy policy, Instant now) {
        if (connections.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one after the other: a reactive session must not run two statements at once
        return Multi.createFrom().iterable(connections)
                .onItem().transformToUniAndConcatenate(c -> outbox.append(session, Topics.CONNECTIONS, UUID.randomUUID(),
                        ConnectionSnapshots.of(c, policy), now))
                .collect().last().replaceWithVoid();
    }
}

package io.nexusconnect.connectionservice.webhook;

import io.nexusconnect.connectionservice.connection.ConnectionEntity;
import io.nexusconnect.connectionservice.connection.ConnectionService;
import io.nexusconnect.connectionservice.credentials.ConnectionSecrets;
import io.nexusconnect.connectionservice.policy.TenantPolicies;
import io.nexusconnect.connectionservice.problem.ConflictProblem;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Action;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Reason;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Applies {@link SecretRotation}'s decisions to the rows: a due rotation (new secret, the old one kept for the overlap,
 * a {@code secret-rotated} registration request so the marketplace gets the new one) and the end of an overlap (the
 * previous secret dropped), each with a new snapshot in the same transaction. Due rows are taken
 * {@code FOR UPDATE SKIP LOCKED} in batches, so replicas sweeping at the same time split them and a row an edit holds
 * waits for the next sweep.
 */
@ApplicationScoped
public class SecretRotations {
    static final int BATCH = 100;
    private static final String DUE = """
            select c.* from connections c left join tenant_policies p on p.tenant_id = c.tenant_id
            where c.removed_at is null and (
                (c.webhook_secret_rotated_at is not null and c.webhook_secret_rotated_at
                    + make_interval(days => coalesce(p.webhook_secret_rotation_days, :defaultDays)) <= :now)
                or c.webhook_secret_overlap_until <= :now)
            order by c.id limit %d for update of c skip locked
            """.formatted(BATCH);

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    ConnectionService connections;
    @Inject
    ConnectionSecrets secrets;
    @Inject
    TenantPolicies policies;
    @Inject
    RegistrationRequests registrations;
    @Inject
    SecretRotation rotation;
    @Inject
    Clock clock;

    /** One sweep over every tenant: what is due now is done; the number of connections changed. */
    public Uni<Integer> runDue() {
        return batch().chain(result -> result.taken() == BATCH && result.changed() > 0
                ? runDue().map(more -> result.changed() + more)
                : Uni.createFrom().item(result.changed()));
    }

    /** "Rotate now": the connection's nexus-managed webhook secret is replaced at once. */
    public Uni<ConnectionEntity> rotateNow(String tenantId, java.util.UUID id) {
        return sessions.withTransaction((session, tx) -> connections.load(session, tenantId, id).chain(c -> {
            Marketplace marketplace = Marketplace.of(c.marketplace);
            if (WebhookSecretFields.nexusManaged(marketplace).isEmpty()) {
                throw new ConflictProblem(notRotatedByNexus(marketplace));
            }
            return apply(session, c, SecretRotation.Step.ROTATE).replaceWith(c);
        }));
    }

    private record Batch(int taken, int changed) {
    }

    private Uni<Batch> batch() {
        Instant now = now();
        return sessions.withTransaction((session, tx) -> session.createNativeQuery(DUE, ConnectionEntity.class)
                .setParameter("defaultDays", (int) TenantPolicy.defaults().webhookSecretRotation().toDays())
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getResultList()
                .chain(rows -> applyAll(session, rows).map(changed -> new Batch(rows.size(), changed))));
    }

    private Uni<Integer> applyAll(Mutiny.Session session, List<ConnectionEntity> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // one after the other: a reactive session runs one statement at a time
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(c -> policies.current(session, c.tenantId).chain(policy -> {
                    SecretRotation.Step step = rotation.due(Marketplace.of(c.marketplace),
                            ConnectionService.rotationState(c), policy.webhookSecretRotation(), now());
                    return step == SecretRotation.Step.NONE ? Uni.createFrom().item(0)
                            : apply(session, c, step).replaceWith(1);
                }))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private Uni<Void> apply(Mutiny.Session session, ConnectionEntity c, SecretRotation.Step step) {
        Marketplace marketplace = Marketplace.of(c.marketplace);
        Instant now = now();
        SecretRotation.Outcome outcome = step == SecretRotation.Step.ROTATE
                ? rotation.rotate(marketplace, secrets.open(c), now)
                : rotation.endOverlap(marketplace, secrets.open(c), ConnectionService.rotationState(c));
        secrets.seal(c, outcome.secrets());
        c.webhookSecretRotatedAt = outcome.state().rotatedAt();
        c.webhookSecretOverlapUntil = outcome.state().overlapUntil();
        c.updatedAt = now;
        return session.flush().chain(() -> connections.publishSnapshot(session, c, now))
                .chain(snapshot -> step == SecretRotation.Step.ROTATE
                        ? registrations.record(session, snapshot, Action.REGISTER, Reason.SECRET_ROTATED, now).replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    static String notRotatedByNexus(Marketplace marketplace) {
        return WebhookSecretFields.marketplaceOwned(marketplace)
                .map(field -> marketplace.displayName() + " signs its webhooks with " + field + ", which only "
                        + marketplace.displayName() + " rotates: rotate it there, then enter the new one with Edit "
                        + "Credentials (the old one keeps verifying for the overlap)")
                .orElse(marketplace.displayName() + " has no webhook secret nexus manages");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

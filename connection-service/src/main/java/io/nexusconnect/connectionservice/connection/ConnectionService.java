package io.nexusconnect.connectionservice.connection;

import io.nexusconnect.connectionservice.credentials.ConnectionSecrets;
import io.nexusconnect.connectionservice.index.ConnectionPurges;
import io.nexusconnect.connectionservice.outbox.OutboxWriter;
import io.nexusconnect.connectionservice.policy.TenantPolicies;
import io.nexusconnect.connectionservice.problem.NotFoundProblem;
import io.nexusconnect.connectionservice.webhook.RegistrationRequests;
import io.nexusconnect.connectionservice.webhook.SecretRotation;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.status.Health;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Action;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Reason;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The life of a connection. Every change is committed together with its event in the outbox (one transaction), so
 * Kafka sees exactly the changes PostgreSQL has. A change the marketplace's webhooks depend on (creation, Reconnect,
 * new credentials, removal) also records the register/unregister request for the adapter in that transaction.
 */
@ApplicationScoped
public class ConnectionService {
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    ConnectionSecrets secrets;
    @Inject
    SecretRotation rotation;
    @Inject
    RegistrationRequests registrations;
    @Inject
    OutboxWriter outbox;
    @Inject
    TenantPolicies policies;
    @Inject
    Accounts accounts;
    @Inject
    ConnectionPurges purges;
    @Inject
    Clock clock;

    public Uni<ConnectionEntity> create(String tenantId, ConnectionRequests.Valid request) {
        Instant now = now();
        ConnectionEntity c = new ConnectionEntity();
        c.id = UUID.randomUUID();
        c.tenantId = tenantId;
        c.marketplace = request.marketplace().id();
        SecretRotation.Outcome secretsOutcome = rotation.created(request.marketplace(),
                request.schema().secrets(request.fields()), now);
        applyCredentials(c, request, secretsOutcome);
        c.label = request.label() == null || request.label().isBlank()
                ? request.marketplace().displayName() + (c.accountId == null ? "" : " " + c.accountId)
                : request.label().trim();
        c.description = blankToNull(request.description());
        c.state = ConnectionState.ACTIVE.json();
        c.status = ConnectionStatus.PENDING.json();
        c.health = Health.UNKNOWN.json();
        c.createdAt = now;
        c.updatedAt = now;
        return sessions.withTransaction((session, tx) -> accounts
                .ensureUnique(session, tenantId, request.marketplace(), c.accountId, c.properties, c.id)
                .chain(() -> policies.current(session, tenantId))
                .chain(policy -> {
                    // "Default sync interval: applied to new connections" that do not choose their own
                    c.settings = request.intervalChosen() ? request.settings()
                            : withInterval(request.settings(), policy.defaultSyncInterval());
                    return session.persist(c).call(session::flush)
                            .chain(() -> publishSnapshot(session, c, now))
                            .call(snapshot -> registrations.record(session, snapshot, Action.REGISTER, Reason.CREATED, now));
                })
                .replaceWith(c));
    }

    public Uni<ConnectionEntity> find(String tenantId, UUID id) {
        return sessions.withSession(session -> load(session, tenantId, id));
    }

    /** A connection of the tenant even after it was removed: its sync history stays readable. */
    public Uni<ConnectionEntity> findIncludingRemoved(String tenantId, UUID id) {
        return sessions.withSession(session -> session.createSelectionQuery(
                        "from ConnectionEntity where id = :id and tenantId = :tenant", ConnectionEntity.class)
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> new NotFoundProblem("connection " + id + " does not exist")));
    }

    public Uni<List<ConnectionEntity>> list(String tenantId, boolean removed) {
        return sessions.withSession(session -> session.createSelectionQuery(
                        "from ConnectionEntity where tenantId = :tenant and removedAt is "
                                + (removed ? "not null order by removedAt desc, id" : "null order by createdAt, id"),
                        ConnectionEntity.class)
                .setParameter("tenant", tenantId)
                .getResultList());
    }

    /** Sync Now: a command to the orchestrator, through the outbox. Pressing it is durable once this returns. */
    public Uni<SyncNowRequested> requestSync(String tenantId, UUID id, SyncMode mode) {
        return sessions.withTransaction((session, tx) -> load(session, tenantId, id)
                .chain(c -> queueSync(session, c, SyncTrigger.MANUAL, mode)));
    }

    private Uni<SyncNowRequested> queueSync(Mutiny.Session session, ConnectionEntity c, SyncTrigger trigger, SyncMode mode) {
        Instant now = now();
        SyncNowRequested command = new SyncNowRequested(UUID.randomUUID(), c.id, c.tenantId, trigger, mode, now);
        return outbox.append(session, Topics.SYNC_COMMANDS, command.commandId(), command, now).replaceWith(command);
    }

    public Uni<ConnectionEntity> updateSettings(String tenantId, UUID id, ConnectionSettings settings) {
        return change(tenantId, id, c -> c.settings = settings);
    }

    /** Label and description; a null leaves the value as it is, an empty description clears it. */
    public Uni<ConnectionEntity> updateDetails(String tenantId, UUID id, String label, String description) {
        return change(tenantId, id, c -> {
            if (label != null) {
                c.label = label.trim();
            }
            if (description != null) {
                c.description = blankToNull(description);
            }
        });
    }

    /**
     * Edit Credentials: the whole form again; secrets are sealed anew, properties and account follow the form. A
     * webhook secret nexus generated is kept when the form leaves it empty; a changed verifying secret keeps verifying
     * as {@code <field>Previous} for the overlap ({@link SecretRotation#edited}).
     */
    public Uni<ConnectionEntity> replaceCredentials(String tenantId, UUID id, Map<String, String> fields) {
        return sessions.withTransaction((session, tx) -> load(session, tenantId, id).chain(c -> {
            ConnectionRequests.Valid form = ConnectionRequests.validateCredentials(c.marketplace, fields);
            Instant now = now();
            SecretRotation.Outcome outcome = rotation.edited(form.marketplace(), secrets.open(c),
                    form.schema().secrets(form.fields()), rotationState(c), now);
            applyCredentials(c, form, outcome);
            c.updatedAt = now;
            return accounts.ensureUnique(session, tenantId, form.marketplace(), c.accountId, c.properties, c.id)
                    .chain(session::flush)
                    .chain(() -> publishSnapshot(session, c, now))
                    .call(snapshot -> registrations.record(session, snapshot, Action.REGISTER, Reason.CREDENTIALS_CHANGED, now))
                    .replaceWith(c);
        }));
    }

    public Uni<ConnectionEntity> changeState(String tenantId, UUID id, ConnectionState state) {
        return change(tenantId, id, c -> c.state = state.json());
    }

    /**
     * Reconnect succeeded: the account name the marketplace reported is kept, a fresh snapshot tells the orchestrator
     * the credentials were re-validated, and an incremental sync resumes from the cursors (the history stays).
     */
    public Uni<ConnectionEntity> reconnected(String tenantId, UUID id, String sellerName) {
        return sessions.withTransaction((session, tx) -> load(session, tenantId, id).chain(c -> {
            Instant now = now();
            if (sellerName != null && !sellerName.isBlank()) {
                c.accountName = sellerName;
            }
            c.updatedAt = now;
            return session.flush().chain(() -> publishSnapshot(session, c, now))
                    .call(snapshot -> registrations.record(session, snapshot, Action.REGISTER, Reason.RECONNECTED, now))
                    .call(() -> queueSync(session, c, SyncTrigger.RECONNECT, SyncMode.INCREMENTAL)).replaceWith(c);
        }));
    }

    /** A Test Connection of a saved connection passed: remember the seller name for the card (not part of the event). */
    public Uni<Void> recordAccountName(String tenantId, UUID id, String sellerName) {
        if (sellerName == null || sellerName.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return sessions.withTransaction((session, tx) -> session.createMutationQuery(
                        "update ConnectionEntity set accountName = :name where id = :id and tenantId = :tenant")
                .setParameter("name", sellerName)
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Remove: the row stays (removed_at) for the sync history; the adapter is asked to remove the webhooks with the
     * last snapshot (the credentials it needs for that, still sealed), then the compacted topic gets a tombstone; its
     * products, orders and levels get theirs from the purge recorded here ({@link ConnectionPurges}).
     */
    public Uni<Void> remove(String tenantId, UUID id) {
        return sessions.withTransaction((session, tx) -> load(session, tenantId, id).chain(c -> policies
                .current(session, tenantId).chain(policy -> {
                    ConnectionSnapshot last = ConnectionSnapshots.of(c, policy);
                    Instant now = now();
                    c.removedAt = now;
                    c.updatedAt = now;
                    return session.flush()
                            .chain(() -> registrations.record(session, last, Action.UNREGISTER, Reason.REMOVED, now))
                            .chain(() -> outbox.appendTombstone(session, Topics.CONNECTIONS, UUID.randomUUID(),
                                    c.id.toString(), ConnectionSnapshot.TYPE, now))
                            .chain(() -> purges.request(session, c.id, now));
                })));
    }

    /** Publishes the connection's snapshot with the tenant's current policy, within the caller's transaction. */
    public Uni<ConnectionSnapshot> publishSnapshot(Mutiny.Session session, ConnectionEntity c, Instant now) {
        return policies.current(session, c.tenantId).chain(policy -> {
            ConnectionSnapshot snapshot = ConnectionSnapshots.of(c, policy);
            return outbox.append(session, Topics.CONNECTIONS, UUID.randomUUID(), snapshot, now).replaceWith(snapshot);
        });
    }

    private Uni<ConnectionEntity> change(String tenantId, UUID id, Consumer<ConnectionEntity> mutation) {
        return sessions.withTransaction((session, tx) -> load(session, tenantId, id).chain(c -> {
            Instant now = now();
            mutation.accept(c);
            c.updatedAt = now;
            // the version increment happens at flush; the snapshot must carry the new one
            return session.flush().call(() -> publishSnapshot(session, c, now)).replaceWith(c);
        }));
    }

    private void applyCredentials(ConnectionEntity c, ConnectionRequests.Valid form, SecretRotation.Outcome outcome) {
        c.properties = form.schema().properties(form.fields());
        c.accountId = form.schema().accountIdField() == null ? null : c.properties.get(form.schema().accountIdField());
        c.accountKey = Accounts.key(form.marketplace(), c.accountId, c.properties);
        if (form.marketplace() == Marketplace.SHOPIFY) {
            // the shop domain is the account name Shopify sellers know
            c.accountName = c.accountId;
        }
        secrets.seal(c, outcome.secrets());
        c.webhookSecretRotatedAt = outcome.state().rotatedAt();
        c.webhookSecretOverlapUntil = outcome.state().overlapUntil();
    }

    public static SecretRotation.State rotationState(ConnectionEntity c) {
        return new SecretRotation.State(c.webhookSecretRotatedAt, c.webhookSecretOverlapUntil);
    }

    /** A live connection of the tenant, within the caller's session; 404 problem otherwise. */
    public Uni<ConnectionEntity> load(Mutiny.Session session, String tenantId, UUID id) {
        return session.createSelectionQuery(
                        "from ConnectionEntity where id = :id and tenantId = :tenant and removedAt is null",
                        ConnectionEntity.class)
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> new NotFoundProblem("connection " + id + " does not exist"));
    }

    private static ConnectionSettings withInterval(ConnectionSettings s, io.nexusconnect.contracts.connection.SyncInterval interval) {
        return new ConnectionSettings(interval, s.syncWindow(), s.orderLookback(), s.inventoryBufferPercent(),
                s.autoReconnect(), s.currency());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: truncate so the API, the row and the event agree on the instant
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

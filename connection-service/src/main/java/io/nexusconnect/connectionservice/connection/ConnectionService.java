package io.nexusconnect.connectionservice.connection;

import io.nexusconnect.connectionservice.credentials.SealedCredentials;
import io.nexusconnect.connectionservice.outbox.OutboxWriter;
import io.nexusconnect.connectionservice.problem.NotFoundProblem;
import io.nexusconnect.connectionservice.problem.ValidationException;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.CredentialSchema;
import io.nexusconnect.contracts.connection.CredentialSchemas;
import io.nexusconnect.contracts.connection.FieldViolation;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.status.Health;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncTrigger;
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
 * Kafka sees exactly the changes PostgreSQL has.
 */
@ApplicationScoped
public class ConnectionService {
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    CredentialSealer sealer;
    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;

    public Uni<ConnectionEntity> create(String tenantId, ConnectionRequests.Valid request) {
        Instant now = now();
        ConnectionEntity c = new ConnectionEntity();
        c.id = UUID.randomUUID();
        c.tenantId = tenantId;
        c.marketplace = request.marketplace().id();
        c.properties = request.schema().properties(request.fields());
        c.accountId = request.schema().accountIdField() == null ? null : c.properties.get(request.schema().accountIdField());
        c.label = request.label() == null || request.label().isBlank()
                ? request.marketplace().displayName() + (c.accountId == null ? "" : " " + c.accountId)
                : request.label().trim();
        SealedCredentials credentials = SealedCredentials.seal(sealer, request.schema(), c.id, request.fields());
        c.credentialsKeyId = credentials.sealed().keyId();
        c.credentialsNonce = credentials.sealed().nonce();
        c.credentialsCiphertext = credentials.sealed().ciphertext();
        c.credentialsMasked = credentials.masked();
        c.state = ConnectionState.ACTIVE.json();
        c.settings = request.settings();
        c.status = ConnectionStatus.PENDING.json();
        c.health = Health.UNKNOWN.json();
        c.createdAt = now;
        c.updatedAt = now;
        return sessions.withTransaction((session, tx) -> session.persist(c)
                .call(session::flush)
                .call(() -> publishSnapshot(session, c, now))
                .replaceWith(c));
    }

    public Uni<ConnectionEntity> find(String tenantId, UUID id) {
        return sessions.withSession(session -> load(session, tenantId, id));
    }

    public Uni<List<ConnectionEntity>> list(String tenantId) {
        return sessions.withSession(session -> session.createSelectionQuery(
                        "from ConnectionEntity where tenantId = :tenant and removedAt is null order by createdAt, id",
                        ConnectionEntity.class)
                .setParameter("tenant", tenantId)
                .getResultList());
    }

    /** Sync Now: a command to the orchestrator, through the outbox. Pressing it is durable once this returns. */
    public Uni<SyncNowRequested> requestSync(String tenantId, UUID id, SyncMode mode) {
        return sessions.withTransaction((session, tx) -> load(session, tenantId, id).chain(c -> {
            Instant now = now();
            SyncNowRequested command = new SyncNowRequested(UUID.randomUUID(), c.id, c.tenantId, SyncTrigger.MANUAL,
                    mode, now);
            return outbox.append(session, Topics.SYNC_COMMANDS, command.commandId(), command, now).replaceWith(command);
        }));
    }

    public Uni<ConnectionEntity> updateSettings(String tenantId, UUID id, ConnectionSettings settings) {
        return change(tenantId, id, c -> c.settings = settings);
    }

    /** Edit Credentials: the whole form again; secrets are sealed anew, properties and account follow the form. */
    public Uni<ConnectionEntity> replaceCredentials(String tenantId, UUID id, Map<String, String> fields) {
        return sessions.withTransaction((session, tx) -> load(session, tenantId, id).chain(c -> {
            CredentialSchema schema = CredentialSchemas.of(Marketplace.of(c.marketplace));
            List<FieldViolation> violations = schema.validate(fields).stream()
                    .map(v -> new FieldViolation("fields." + v.field(), v.message())).toList();
            if (!violations.isEmpty()) {
                return Uni.createFrom().failure(new ValidationException(violations));
            }
            Instant now = now();
            c.properties = schema.properties(fields);
            c.accountId = schema.accountIdField() == null ? null : c.properties.get(schema.accountIdField());
            SealedCredentials credentials = SealedCredentials.seal(sealer, schema, c.id, fields);
            c.credentialsKeyId = credentials.sealed().keyId();
            c.credentialsNonce = credentials.sealed().nonce();
            c.credentialsCiphertext = credentials.sealed().ciphertext();
            c.credentialsMasked = credentials.masked();
            c.updatedAt = now;
            return session.flush().call(() -> publishSnapshot(session, c, now)).replaceWith(c);
        }));
    }

    public Uni<ConnectionEntity> changeState(String tenantId, UUID id, ConnectionState state) {
        return change(tenantId, id, c -> c.state = state.json());
    }

    /** Remove: the row stays (removed_at) for the sync history; the compacted topic gets a tombstone. */
    public Uni<Void> remove(String tenantId, UUID id) {
        return sessions.withTransaction((session, tx) -> load(session, tenantId, id).chain(c -> {
            Instant now = now();
            c.removedAt = now;
            c.updatedAt = now;
            return session.flush().chain(() -> outbox.appendTombstone(session, Topics.CONNECTIONS, UUID.randomUUID(),
                    c.id.toString(), ConnectionSnapshot.TYPE, now));
        }));
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

    private Uni<Void> publishSnapshot(Mutiny.Session session, ConnectionEntity c, Instant now) {
        return outbox.append(session, Topics.CONNECTIONS, UUID.randomUUID(), ConnectionSnapshots.of(c), now);
    }

    private Uni<ConnectionEntity> load(Mutiny.Session session, String tenantId, UUID id) {
        return session.createSelectionQuery(
                        "from ConnectionEntity where id = :id and tenantId = :tenant and removedAt is null",
                        ConnectionEntity.class)
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> new NotFoundProblem("connection " + id + " does not exist"));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: truncate so the API, the row and the event agree on the instant
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

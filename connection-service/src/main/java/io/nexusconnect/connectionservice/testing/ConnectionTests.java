package io.nexusconnect.connectionservice.testing;

import io.nexusconnect.connectionservice.connection.ConnectionEntity;
import io.nexusconnect.connectionservice.connection.ConnectionRequests;
import io.nexusconnect.connectionservice.connection.ConnectionService;
import io.nexusconnect.connectionservice.connection.ConnectionSnapshots;
import io.nexusconnect.connectionservice.credentials.SealedCredentials;
import io.nexusconnect.connectionservice.policy.TenantPolicies;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Test Connection before saving (a form), after saving (the stored credentials) and Reconnect. */
@ApplicationScoped
public class ConnectionTests {
    @Inject
    ConnectionTestClient client;
    @Inject
    ConnectionService connections;
    @Inject
    TenantPolicies policies;
    @Inject
    CredentialSealer sealer;
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    Clock clock;

    /**
     * An unsaved form: validated like a create, sealed under a throw-away connection id (the adapter opens it with
     * that id as associated data), so the clear secrets never travel, not even for a test.
     */
    public Uni<ConnectionTestView> testForm(String tenantId, String marketplace, Map<String, String> fields) {
        ConnectionRequests.Valid form = ConnectionRequests.validateCredentials(marketplace, fields);
        UUID transientId = UUID.randomUUID();
        SealedCredentials sealed = SealedCredentials.seal(sealer, form.schema(), transientId, form.fields());
        Map<String, String> properties = form.schema().properties(form.fields());
        String accountId = form.schema().accountIdField() == null ? null : properties.get(form.schema().accountIdField());
        return sessions.withSession(session -> policies.current(session, tenantId)).chain(policy -> {
            ConnectionSnapshot snapshot = new ConnectionSnapshot(transientId, tenantId, form.marketplace(), accountId,
                    form.marketplace().displayName(), properties, ConnectionState.ACTIVE, ConnectionSettings.defaults(),
                    policy, sealed.sealed(), 0, clock.instant());
            return client.test(snapshot);
        }).map(ConnectionTestView::of);
    }

    /** A saved connection with its stored credentials; a pass records the seller name for the card. */
    public Uni<ConnectionTestView> testSaved(String tenantId, UUID id) {
        return snapshotOf(tenantId, id).chain(client::test).call(result -> result.valid()
                        ? connections.recordAccountName(tenantId, id, result.sellerName()) : Uni.createFrom().voidItem())
                .map(ConnectionTestView::of);
    }

    /**
     * Reconnect: re-run the authentication with the stored credentials (the adapter refreshes the token); on success
     * the connection is re-published and an incremental sync queued. The sync history is untouched either way.
     */
    public Uni<ConnectionTestView> reconnect(String tenantId, UUID id) {
        return snapshotOf(tenantId, id).chain(client::test).call(result -> result.valid()
                        ? connections.reconnected(tenantId, id, result.sellerName()) : Uni.createFrom().voidItem())
                .map(ConnectionTestView::of);
    }

    private Uni<ConnectionSnapshot> snapshotOf(String tenantId, UUID id) {
        return connections.find(tenantId, id).chain((ConnectionEntity c) -> sessions.withSession(session ->
                policies.current(session, tenantId)).map(policy -> ConnectionSnapshots.of(c, policy)));
    }
}

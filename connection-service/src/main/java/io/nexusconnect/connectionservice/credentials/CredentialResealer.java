package io.nexusconnect.connectionservice.credentials;

import io.nexusconnect.connectionservice.connection.ConnectionEntity;
import io.nexusconnect.connectionservice.connection.ConnectionService;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.SealedSecret;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Key rotation without downtime: deploy the ring with the new key as primary and the old one still in it; every
 * replica opens both, new seals use the new key, and this job re-seals the rows still sealed with an older key
 * (at startup, and on demand per tenant). Each re-sealed live connection is re-published through the outbox, so the
 * adapters get the new envelope; once no row names the old key it can leave the ring. A row locked by another
 * transaction is skipped: the run reports what it re-sealed, and a later run (the next start, or the endpoint) takes
 * what was skipped.
 */
@ApplicationScoped
public class CredentialResealer {
    private static final Logger LOG = Logger.getLogger(CredentialResealer.class);
    private static final int BATCH = 100;

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    CredentialSealer sealer;
    @Inject
    ConnectionService connections;
    @Inject
    Clock clock;
    @ConfigProperty(name = "nexus.credentials.reseal-at-startup", defaultValue = "true")
    boolean atStartup;

    void onStart(@Observes StartupEvent event) {
        if (atStartup) {
            resealAll(null).subscribe().with(
                    count -> LOG.infof("re-sealed %d connection(s) with key %s", count, sealer.keyRing().primaryKeyId()),
                    failure -> LOG.errorf("re-sealing at startup failed with %s; it runs again at the next start",
                            failure.getClass().getName()));
        }
    }

    /** Re-seals every row of {@code tenantId} (all tenants when null) not sealed with the primary key; the count. */
    public Uni<Integer> resealAll(String tenantId) {
        return batch(tenantId).chain(count -> count < BATCH
                ? Uni.createFrom().item(count)
                : resealAll(tenantId).map(more -> count + more));
    }

    private Uni<Integer> batch(String tenantId) {
        String primary = sealer.keyRing().primaryKeyId();
        return sessions.withTransaction((session, tx) -> {
            // FOR UPDATE SKIP LOCKED: replicas starting together split the rows instead of re-sealing the same ones
            // and failing on each other's version increments, and a row an edit is writing right now is left to
            // the next run rather than waited for (the edit seals with the primary key anyway)
            String sql = "select * from connections where credentials_key_id <> :primary"
                    + (tenantId == null ? "" : " and tenant_id = :tenant")
                    + " order by id limit " + BATCH + " for update skip locked";
            Mutiny.SelectionQuery<ConnectionEntity> query = session.createNativeQuery(sql, ConnectionEntity.class)
                    .setParameter("primary", primary);
            if (tenantId != null) {
                query.setParameter("tenant", tenantId);
            }
            return query.getResultList().chain(rows -> reseal(session, rows));
        });
    }

    private Uni<Integer> reseal(Mutiny.Session session, List<ConnectionEntity> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (ConnectionEntity c : rows) {
            SealedSecret resealed = sealer.reseal(c.id.toString(), new SealedSecret(c.credentialsKeyId,
                    SealedSecret.AES_256_GCM, c.credentialsNonce, c.credentialsCiphertext));
            c.credentialsKeyId = resealed.keyId();
            c.credentialsNonce = resealed.nonce();
            c.credentialsCiphertext = resealed.ciphertext();
            c.updatedAt = now;
        }
        return session.flush().chain(() -> Multi.createFrom().iterable(rows)
                .filter(c -> c.removedAt == null)
                .onItem().transformToUniAndConcatenate(c -> connections.publishSnapshot(session, c, now))
                .collect().asList()).replaceWith(rows.size());
    }
}

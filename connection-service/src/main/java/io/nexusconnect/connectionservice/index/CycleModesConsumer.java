package io.nexusconnect.connectionservice.index;

import io.nexusconnect.connectionservice.inbox.InboundProcessing;
import io.nexusconnect.connectionservice.inbox.IncomingRecords;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.stream.Collectors;

/**
 * {@code nexus.sync-requests.<marketplace>.v1} → {@code cycle_requests}: the mode and scopes of every cycle, which the
 * sync events do not carry; only a FULL cycle with PRODUCTS in scope enumerates every listing.
 */
@ApplicationScoped
public class CycleModesConsumer {
    private static final String INSERT = "insert into cycle_requests (sync_id, attempt, connection_id, mode, scopes) "
            + "values (:syncId, :attempt, :connectionId, :mode, :scopes) on conflict do nothing";

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    InboundProcessing inbound;

    @Incoming("sync-requests")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return inbound.process(record, CycleModesConsumer::decode,
                request -> sessions.withTransaction((session, tx) -> session.createNativeQuery(INSERT)
                        .setParameter("syncId", request.syncId()).setParameter("attempt", request.attempt())
                        .setParameter("connectionId", request.connectionId())
                        .setParameter("mode", (request.mode() == null ? SyncMode.INCREMENTAL : request.mode()).name())
                        .setParameter("scopes", request.scopes() == null ? "" : request.scopes().stream()
                                .map(SyncScope::name).sorted().collect(Collectors.joining(",")))
                        .executeUpdate()));
    }

    private static SyncRequested decode(ConsumerRecord<String, String> record) {
        SyncRequested request = IncomingRecords.decode(record, SyncRequested.TYPE, SyncRequested.class);
        if (request.syncId() == null || request.connectionId() == null) {
            throw new MalformedEventException("sync request without syncId or connectionId");
        }
        return request;
    }
}

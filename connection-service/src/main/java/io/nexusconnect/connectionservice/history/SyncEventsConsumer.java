package io.nexusconnect.connectionservice.history;

import io.nexusconnect.connectionservice.inbox.InboundProcessing;
import io.nexusconnect.connectionservice.index.ListingSweeps;
import io.nexusconnect.connectionservice.inbox.IncomingRecords;
import io.nexusconnect.connectionservice.inbox.ProcessedMessages;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code nexus.sync-events.v1} → sync history (and a successful cycle noted for the {@link ListingSweeps}). The offset is committed only after the returned Uni completed, i.e.
 * after the PostgreSQL commit; a record that cannot be read goes to {@code nexus.sync-events.v1.dlq} with the reason,
 * and while PostgreSQL is away the record is retried ({@link InboundProcessing}), never dead-lettered.
 */
@ApplicationScoped
public class SyncEventsConsumer {
    static final String CONSUMER = "sync-history";

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    SyncHistoryWriter writer;
    @Inject
    ProcessedMessages processed;
    @Inject
    InboundProcessing inbound;
    @Inject
    ListingSweeps listingSweeps;

    @Incoming("sync-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbound.process(record, r -> checked(IncomingRecords.decodeSyncEvent(r)),
                event -> sessions.withTransaction((session, tx) ->
                        processed.firstTime(session, CONSUMER, IncomingRecords.messageId(record))
                                .chain(first -> !first ? Uni.createFrom().voidItem() : writer.apply(session, event)
                                        .chain(() -> event instanceof SyncCompleted completed
                                                ? listingSweeps.record(session, completed)
                                                : Uni.createFrom().voidItem()))));
    }

    private static SyncEvent checked(SyncEvent event) {
        if (event.syncId() == null || event.connectionId() == null || event.tenantId() == null) {
            throw new MalformedEventException("sync event without syncId, connectionId or tenantId");
        }
        if (event instanceof SyncCompleted completed && completed.outcome() == null) {
            throw new MalformedEventException("sync completed event without outcome");
        }
        return event;
    }
}

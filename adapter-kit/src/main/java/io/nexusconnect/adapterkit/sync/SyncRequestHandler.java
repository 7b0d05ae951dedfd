package io.nexusconnect.adapterkit.sync;

import io.nexusconnect.adapterkit.consumer.RecordHandler;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.kafka.EventDecoder;
import io.nexusconnect.contracts.kafka.PoisonRecordException;
import io.nexusconnect.contracts.sync.SyncRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a record of {@code nexus.sync-requests.<marketplace>.v1} into a cycle. A record that is not a valid
 * SyncRequested for this adapter's marketplace (unreadable JSON, schema violations, another marketplace, a connection
 * id that does not match its snapshot) is poison: it goes to the DLQ and the consumer goes on. It is read tolerantly
 * ({@link EventDecoder}): fields a newer orchestrator added are ignored.
 */
public final class SyncRequestHandler implements RecordHandler {
    private final Marketplace marketplace;
    private final CycleRunner runner;

    public SyncRequestHandler(Marketplace marketplace, CycleRunner runner) {
        this.marketplace = marketplace;
        this.runner = runner;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        runner.run(parse(record));
    }

    SyncRequested parse(ConsumerRecord<String, String> record) {
        SyncRequested request = EventDecoder.decode(record.value(), record.headers(), SyncRequested.TYPE,
                SyncRequested.class);
        if (request.marketplace() != marketplace) {
            throw new PoisonRecordException("sync request for marketplace " + request.marketplace()
                    + " reached the " + marketplace.id() + " adapter");
        }
        if (request.connection() == null || !request.connectionId().equals(request.connection().connectionId())) {
            throw new PoisonRecordException("sync request " + request.syncId() + " does not carry the snapshot of connection "
                    + request.connectionId());
        }
        if (request.connection().credentials() == null) {
            throw new PoisonRecordException("connection " + request.connectionId() + " has no sealed credentials");
        }
        if (request.scopes() == null || request.scopes().isEmpty()) {
            throw new PoisonRecordException("sync request " + request.syncId() + " names no scope");
        }
        return request;
    }
}

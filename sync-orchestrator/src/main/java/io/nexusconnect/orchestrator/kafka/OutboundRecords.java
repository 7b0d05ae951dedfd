package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.orchestrator.engine.Outbound;
import io.nexusconnect.orchestrator.state.SyncState;
import io.nexusconnect.orchestrator.state.SyncStateCodec;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The Kafka records of the engine's outputs: key = connection id, JSON value, CloudEvents headers. */
final class OutboundRecords {
    private final String source;

    OutboundRecords(String source) {
        this.source = source;
    }

    ProducerRecord<byte[], byte[]> toRecord(Outbound outbound, Instant now) {
        return switch (outbound) {
            case Outbound.RequestSync request ->
                    event(Topics.syncRequests(request.request().marketplace()), request.request(), now);
            case Outbound.PublishStatus status -> event(Topics.CONNECTION_STATUS, status.status(), now);
            case Outbound.RaiseAlert alert -> event(Topics.ALERTS, alert.alert(), now);
            // explicit partition: the state of a connection must sit on the partition number its connection has, which
            // is the shard that reloads it, whatever partitioner the upstream producers use
            case Outbound.SaveState save -> new ProducerRecord<>(Topics.SYNC_STATE, save.partition(),
                    key(save.state().connectionId().toString()), SyncStateCodec.encode(save.state()),
                    CloudEvents.headers(UUID.randomUUID().toString(), SyncState.TYPE, source, save.state().connectionId().toString(), now));
            case Outbound.DeleteState delete -> new ProducerRecord<>(Topics.SYNC_STATE, delete.partition(),
                    key(delete.connectionId().toString()), null);
        };
    }

    private ProducerRecord<byte[], byte[]> event(String topic, NexusEvent event, Instant now) {
        return new ProducerRecord<>(topic, null, key(event.key()), Json.write(event).getBytes(StandardCharsets.UTF_8),
                CloudEvents.headers(UUID.randomUUID().toString(), event.eventType(), source, event.key(), now));
    }

    private static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}

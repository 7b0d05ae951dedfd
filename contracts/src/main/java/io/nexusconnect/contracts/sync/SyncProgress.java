package io.nexusconnect.contracts.sync;

import io.nexusconnect.contracts.Marketplace;

import java.time.Instant;
import java.util.UUID;

/** Records published so far in a running cycle, for the progress indicator; sent after every page. */
public record SyncProgress(
        UUID syncId,
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        SyncScope scope,
        RecordCounts counts,
        Instant at) implements SyncEvent {

    public static final String TYPE = "io.nexusconnect.sync.progress.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

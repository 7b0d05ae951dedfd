package io.nexusconnect.contracts.sync;

import io.nexusconnect.contracts.Marketplace;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An adapter took a {@link SyncRequested} and began the cycle. */
public record SyncStarted(
        UUID syncId,
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        SyncTrigger trigger,
        Set<SyncScope> scopes,
        int attempt,
        Instant startedAt) implements SyncEvent {

    public static final String TYPE = "io.nexusconnect.sync.started.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

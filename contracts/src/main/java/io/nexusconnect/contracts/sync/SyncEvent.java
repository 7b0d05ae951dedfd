package io.nexusconnect.contracts.sync;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;

import java.util.UUID;

/**
 * What an adapter reports about a cycle on {@code nexus.sync-events.v1}, keyed by connection so that the events of
 * one cycle stay in order. The JSON carries {@code kind}; the {@code ce_type} header says the same.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SyncStarted.class, name = "started"),
        @JsonSubTypes.Type(value = SyncProgress.class, name = "progress"),
        @JsonSubTypes.Type(value = SyncCompleted.class, name = "completed")})
public sealed interface SyncEvent extends NexusEvent permits SyncStarted, SyncProgress, SyncCompleted {
    UUID syncId();

    UUID connectionId();

    String tenantId();

    Marketplace marketplace();

    /** The {@code ce_type} of the sync event whose JSON {@code kind} is {@code kind}; null for a kind that is none. */
    static String typeOf(String kind) {
        return switch (kind == null ? "" : kind) {
            case "started" -> SyncStarted.TYPE;
            case "progress" -> SyncProgress.TYPE;
            case "completed" -> SyncCompleted.TYPE;
            default -> null;
        };
    }

    @Override
    default String key() {
        return connectionId().toString();
    }
}

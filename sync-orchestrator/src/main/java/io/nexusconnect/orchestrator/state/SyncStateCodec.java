package io.nexusconnect.orchestrator.state;

import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.MalformedEventException;

import java.nio.charset.StandardCharsets;

/** JSON form of {@link SyncState} on {@code nexus.sync-state.v1}, in the one JSON dialect of the system. */
public final class SyncStateCodec {
    private SyncStateCodec() {
    }

    public static byte[] encode(SyncState state) {
        return Json.write(state).getBytes(StandardCharsets.UTF_8);
    }

    public static SyncState decode(String key, byte[] value) {
        SyncState state = Json.read(new String(value, StandardCharsets.UTF_8), SyncState.class);
        if (state.connectionId() == null || state.connection() == null) {
            throw new MalformedEventException("sync state without connectionId or connection");
        }
        if (!state.connectionId().toString().equals(key)) {
            throw new MalformedEventException("sync state for " + state.connectionId() + " stored under key " + key);
        }
        return state;
    }
}

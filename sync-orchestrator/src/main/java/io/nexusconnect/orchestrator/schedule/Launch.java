package io.nexusconnect.orchestrator.schedule;

import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.orchestrator.state.SyncState;

/** A cycle the scheduler starts now: the request for the adapter and the state that records it as running. */
public record Launch(SyncRequested request, SyncState state) {
}

package io.nexusconnect.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.local.demo.ConnectionsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Watching a connection through the REST API only, as a user of the Connections page would: its card and its sync
 * history, polled until they show what a test waits for.
 */
final class SyncWatch {
    /** A full cycle of 1,200 orders takes well under a minute on two cores; the rest is slack for a busy CI machine. */
    static final Duration CYCLE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int HISTORY_SIZE = 50;

    private final ConnectionsClient api;
    private final String connectionId;

    SyncWatch(ConnectionsClient api, String connectionId) {
        this.api = api;
        this.connectionId = connectionId;
    }

    /** The connection's history, newest cycle first. */
    List<JsonNode> cycles() {
        List<JsonNode> cycles = new ArrayList<>();
        api.syncHistory(connectionId, HISTORY_SIZE).path("items").forEach(cycles::add);
        return cycles;
    }

    JsonNode connection() {
        return api.get(connectionId);
    }

    /** Waits for a cycle matching {@code wanted} to appear in the history, and returns it. */
    JsonNode awaitCycle(String description, Predicate<JsonNode> wanted) {
        return await(description).atMost(CYCLE_TIMEOUT).pollInterval(POLL).ignoreExceptions()
                .until(() -> cycles().stream().filter(wanted).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits for a finished cycle that failed with {@code errorCode}. */
    JsonNode awaitFailedCycle(String errorCode) {
        return awaitCycle("a failed cycle with error " + errorCode,
                cycle -> "failed".equals(cycle.path("status").asText())
                        && errorCode.equals(cycle.path("error").path("code").asText()));
    }

    /** Waits until the newest cycle has finished and returns it. */
    JsonNode awaitNewestFinished() {
        return await("the newest cycle to finish").atMost(CYCLE_TIMEOUT).pollInterval(POLL).ignoreExceptions()
                .until(() -> cycles().stream().findFirst(),
                        newest -> newest.isPresent() && !"running".equals(newest.get().path("status").asText()))
                .orElseThrow();
    }

    /** Waits until the connection's card matches {@code wanted}, and returns it. */
    JsonNode awaitConnection(String description, Predicate<JsonNode> wanted) {
        return await(description).atMost(CYCLE_TIMEOUT).pollInterval(POLL).ignoreExceptions()
                .until(this::connection, wanted::test);
    }

    /**
     * Waits for the card to show {@code status}; with an {@code errorCode}, also that error with a message saying what
     * happened.
     */
    JsonNode awaitStatus(String status, String errorCode) {
        return awaitConnection("status " + status + (errorCode == null ? "" : " with " + errorCode),
                card -> status.equals(card.path("status").asText())
                        && (errorCode == null || errorCode.equals(card.path("error").path("code").asText())
                        && !card.path("error").path("message").asText().isBlank()));
    }
}

package io.nexusconnect.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.local.demo.ConnectionsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A connection's card and sync history through the REST API, polled until they show what a scenario waits for. */
final class SyncHistory {
    private static final Duration POLL = Duration.ofMillis(250);

    private final ConnectionsClient api;
    private final String connectionId;

    SyncHistory(ConnectionsClient api, String connectionId) {
        this.api = api;
        this.connectionId = connectionId;
    }

    /** Newest cycle first. */
    List<JsonNode> cycles() {
        List<JsonNode> cycles = new ArrayList<>();
        api.syncHistory(connectionId, 50).path("items").forEach(cycles::add);
        return cycles;
    }

    JsonNode card() {
        return api.get(connectionId);
    }

    JsonNode awaitCycle(String description, Duration timeout, Predicate<JsonNode> wanted) {
        return await(description).atMost(timeout).pollInterval(POLL).ignoreExceptions()
                .until(() -> cycles().stream().filter(wanted).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    JsonNode awaitCard(String description, Duration timeout, Predicate<JsonNode> wanted) {
        return await(description).atMost(timeout).pollInterval(POLL).ignoreExceptions().until(this::card, wanted::test);
    }

    static boolean succeeded(JsonNode cycle) {
        return "success".equals(cycle.path("status").asText());
    }
}

package io.nexusconnect.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small client of connection-service's REST API, as a platform team would call it: bearer token, JSON. */
public final class ConnectionsClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String baseUrl;
    private final String bearerToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectionsClient(String baseUrl, String bearerToken) {
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
    }

    /** Every connection of the token's tenant, oldest first. */
    public List<JsonNode> list() {
        List<JsonNode> connections = new ArrayList<>();
        send("GET", "/api/connections", null, 200).forEach(connections::add);
        return connections;
    }

    public Optional<JsonNode> findByLabel(String marketplace, String label) {
        return list().stream()
                .filter(connection -> marketplace.equals(connection.path("marketplace").asText())
                        && label.equals(connection.path("label").asText()))
                .findFirst();
    }

    /** Creates a connection; the response is the stored connection (credentials masked). */
    public JsonNode create(String marketplace, String label, Map<String, String> fields) {
        return send("POST", "/api/connections", Map.of("marketplace", marketplace, "label", label, "fields", fields), 201);
    }

    public JsonNode get(String connectionId) {
        return send("GET", "/api/connections/" + connectionId, null, 200);
    }

    /** Sync Now (incremental: from the last cursors, or the order lookback when there are none); accepted once the command is durable (202). */
    public void syncNow(String connectionId) {
        send("POST", "/api/connections/" + connectionId + "/sync", null, 202);
    }

    /** Sync Now with an explicit mode ({@code full} re-reads the whole order lookback, ignoring the cursors). */
    public void syncNow(String connectionId, String mode) {
        send("POST", "/api/connections/" + connectionId + "/sync", Map.of("mode", mode), 202);
    }

    /** The first page of the sync history ({@code SyncHistoryPage}: {@code items}, newest first, and {@code total}). */
    public JsonNode syncHistory(String connectionId, int size) {
        return send("GET", "/api/connections/" + connectionId + "/syncs?size=" + size, null, 200);
    }

    /** Removes a connection (its synced data and sync history are kept). */
    public void remove(String connectionId) {
        send("DELETE", "/api/connections/" + connectionId, null, 204);
    }

    /** The tenant's global connection settings ({@code GlobalSettings}). */
    public JsonNode settings() {
        return send("GET", "/api/settings", null, 200);
    }

    private JsonNode send(String method, String path, Object body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new ApiException(method + " " + path + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
            String text = response.body();
            return text == null || text.isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }

    /** The API answered, but not as expected; the message carries the problem JSON it sent. */
    public static final class ApiException extends RuntimeException {
        ApiException(String message) {
            super(message);
        }
    }
}

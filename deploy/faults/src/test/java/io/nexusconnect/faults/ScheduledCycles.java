package io.nexusconnect.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.sims.shopify.ShopifySimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Many connections, each of a tenant of its own connected to the demo shop (a shop is connected once per tenant), and
 * every cycle the orchestrators request for them on {@code nexus.sync-requests.shopify.v1}: who requested what when.
 */
final class ScheduledCycles {
    /** One SyncRequested. */
    record Request(String connectionId, String syncId, int attempt, String trigger, Instant requestedAt) {
        String identity() {
            return connectionId + "/" + syncId + "#" + attempt;
        }
    }

    private final FaultStack stack;
    private final List<String> connectionIds;

    private ScheduledCycles(FaultStack stack, List<String> connectionIds) {
        this.stack = stack;
        this.connectionIds = List.copyOf(connectionIds);
    }

    /**
     * Connects the demo shop in {@code count} tenants named {@code <prefix>-NN}, each with a 7-day order lookback
     * (the shortest the API offers) so the first, full cycles stay small.
     */
    static ScheduledCycles connect(FaultStack stack, String prefix, int count) {
        HttpClient http = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String tenant = "%s-%02d".formatted(prefix, n);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("marketplace", Marketplace.SHOPIFY.id());
            body.put("label", "Replicas " + tenant);
            body.put("fields", Map.of("shopDomain", ShopifySimulator.DEMO.myshopifyDomain(),
                    "adminApiAccessToken", ShopifySimulator.DEMO.accessToken(),
                    "apiSecretKey", ShopifyConnection.API_SECRET_KEY));
            body.put("settings", Map.of("orderLookback", "7d"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.connectionServiceUrl() + "/api/connections"))
                    .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + stack.bearerToken(tenant))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("creating the connection of " + tenant + " answered "
                            + response.statusCode() + ": " + response.body());
                }
                ids.add(TopicReader.json(response.body()).path("id").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new ScheduledCycles(stack, ids);
    }

    List<String> connectionIds() {
        return connectionIds;
    }

    /** Every request for the connections so far, in the order requested. */
    List<Request> requests() {
        Set<String> ours = new HashSet<>(connectionIds);
        return stack.topics().readAll(Topics.syncRequests(Marketplace.SHOPIFY)).stream()
                .filter(r -> r.key() != null && ours.contains(r.key()))
                .map(r -> TopicReader.json(r.value()))
                .map(ScheduledCycles::request)
                .sorted(Comparator.comparing(Request::requestedAt))
                .toList();
    }

    /** The connections with at least {@code atLeast} requests made after {@code after}. */
    static Set<String> requestedAfter(Collection<Request> requests, Instant after, int atLeast) {
        return requests.stream().filter(r -> r.requestedAt().isAfter(after))
                .collect(Collectors.groupingBy(Request::connectionId, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() >= atLeast).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The requests whose identity (connection, syncId, attempt) was requested before: beyond the first, each. */
    static List<Request> repeated(List<Request> requests) {
        Set<String> seen = new HashSet<>();
        return requests.stream().filter(r -> !seen.add(r.identity())).toList();
    }

    /** Per connection, the time between one request and the next scheduled one (a Sync Now may come any time). */
    static Map<String, List<Duration>> scheduledGaps(List<Request> requests) {
        Map<String, List<Duration>> gaps = new LinkedHashMap<>();
        Map<String, Instant> previous = new LinkedHashMap<>();
        for (Request request : requests) {
            Instant before = previous.put(request.connectionId(), request.requestedAt());
            if (before != null && "schedule".equals(request.trigger())) {
                gaps.computeIfAbsent(request.connectionId(), id -> new ArrayList<>())
                        .add(Duration.between(before, request.requestedAt()));
            }
        }
        return gaps;
    }

    private static Request request(JsonNode event) {
        return new Request(event.path("connectionId").asText(), event.path("syncId").asText(), event.path("attempt").asInt(),
                event.path("trigger").asText(), Instant.parse(event.path("requestedAt").asText()));
    }
}

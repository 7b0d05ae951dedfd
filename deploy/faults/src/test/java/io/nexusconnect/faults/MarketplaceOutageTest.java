package io.nexusconnect.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Order(5)
@ExtendWith(FaultStackExtension.class)
@DisplayName("Fault: the marketplace answers 503 for a while, then recovers")
class MarketplaceOutageTest {
    /** The tenant's retry policy during the outage: a few attempts, seconds apart and doubling. */
    private static final int ATTEMPTS = 3;
    private static final String FIRST_RETRY_DELAY = "PT2S";
    /**
     * After the outage adapter-shopify's circuit stays open for up to 30 s (no call reaches the marketplace, the
     * attempt fails at once): the recovery's attempts, 2 s doubling, span 62 s, so one of them lands after it closes.
     */
    private static final int RECOVERY_ATTEMPTS = 6;
    /** adapter-shopify's attempts per Admin API call (its default). */
    private static final int CALL_ATTEMPTS = 5;
    /** The steps of a cycle that call the marketplace at once (shop/products, orders, inventory). */
    private static final int STEPS = 3;
    private static final Duration CYCLE_TIMEOUT = Duration.ofMinutes(3);

    @Test
    @DisplayName("The card goes to error and back to active; each retry of the failed cycle waits longer than the one "
            + "before, the calls stay within attempts × call attempts, and none follow the last attempt")
    void outageIsRetriedWithBackoffAndRecovers(FaultStack stack) throws Exception {
        // given: the shop's connection, a tenant retry policy of 3 attempts from 2 s, and every Admin API call answered 503
        ShopifyConnection connection = stack.shopifyConnection();
        ShopifySimulator shopify = stack.shopify();
        SyncHistory history = new SyncHistory(stack.api(), connection.id());
        history.awaitCard("the connection active before the outage", CYCLE_TIMEOUT,
                card -> "active".equals(card.path("status").asText()));
        putRetryPolicy(stack, connection, ATTEMPTS);
        shopify.faults().persistent(Faults.ANY_OPERATION, Fault.serverError(503));
        List<Long> callsPerSecond = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long[] last = {shopify.requestLog().total()};
        sampler.scheduleAtFixedRate(() -> {
            long total = shopify.requestLog().total();
            callsPerSecond.add(total - last[0]);
            last[0] = total;
        }, 1, 1, TimeUnit.SECONDS);
        try {
            // when: the seller presses Sync Now during the outage
            stack.api().syncNow(connection.id());

            // then: the cycle fails after all its attempts and the card shows the error
            JsonNode failed = history.awaitCycle("the cycle failed after " + ATTEMPTS + " attempts", CYCLE_TIMEOUT,
                    cycle -> "failed".equals(cycle.path("status").asText()) && cycle.path("attempt").asInt() >= ATTEMPTS);
            JsonNode card = history.awaitCard("status error", CYCLE_TIMEOUT, c -> "error".equals(c.path("status").asText()));
            int failedAt = callsPerSecond.size();
            // and: nothing calls the marketplace while the connection waits (ten quiet seconds)
            org.awaitility.Awaitility.await("ten seconds after the last attempt").atMost(Duration.ofSeconds(30))
                    .until(() -> callsPerSecond.size() >= failedAt + 10);
            List<Long> outage = List.copyOf(callsPerSecond);

            // when: the marketplace recovers and the seller presses Sync Now again
            shopify.faults().clear();
            putRetryPolicy(stack, connection, RECOVERY_ATTEMPTS);
            long recoveredAt = System.nanoTime();
            stack.api().syncNow(connection.id());

            // then: the card is active again (once the adapter's circuit let a retry through)
            history.awaitCard("status active after the recovery", CYCLE_TIMEOUT,
                    c -> "active".equals(c.path("status").asText()));
            JsonNode recovery = history.cycles().getFirst();
            long recoverySeconds = (System.nanoTime() - recoveredAt) / 1_000_000_000;
            String syncId = failed.path("syncId").asText();
            List<Duration> waits = retryWaits(stack, connection, syncId);
            long outageCalls = outage.stream().mapToLong(Long::longValue).sum();
            System.out.printf("FAULT %-22s %d calls in %d s of outage (calls per 10 s %s); waits before the retries %s; "
                            + "card %s (%s) -> active %d s after the recovery, at attempt %s%n", "marketplace outage",
                    outageCalls, outage.size(), perWindow(outage, 10), waits, card.path("status").asText(),
                    card.path("error").path("code").asText(), recoverySeconds, recovery.path("attempt").asText());
            assertThat(outageCalls).as("calls during the outage: at most %d attempts of %d steps of %d calls", ATTEMPTS,
                    STEPS, CALL_ATTEMPTS).isPositive().isLessThanOrEqualTo((long) ATTEMPTS * STEPS * CALL_ATTEMPTS);
            assertThat(outage.subList(failedAt, outage.size())).as("calls after the last attempt").allMatch(c -> c == 0);
            assertThat(waits).as("one wait before each retry").hasSize(ATTEMPTS - 1);
            assertThat(waits.getFirst()).as("the first retry waits the policy's delay").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(waits.get(1)).as("the second retry waits longer than the first").isGreaterThan(waits.getFirst());
        } finally {
            sampler.shutdownNow();
            shopify.faults().clear();
        }
    }

    /**
     * How long the orchestrator waited between an attempt's failure (SyncCompleted on nexus.sync-events.v1) and its
     * request of the next attempt (SyncRequested on nexus.sync-requests.shopify.v1), per retry of the cycle.
     */
    private static List<Duration> retryWaits(FaultStack stack, ShopifyConnection connection, String syncId) {
        Map<Integer, Instant> failedAt = new TreeMap<>();
        stack.topics().recordsOf(Topics.SYNC_EVENTS, connection.id()).stream().map(r -> TopicReader.json(r.value()))
                .filter(e -> syncId.equals(e.path("syncId").asText()) && "failed".equals(e.path("outcome").asText()))
                .forEach(e -> failedAt.put(e.path("attempt").asInt(), Instant.parse(e.path("finishedAt").asText())));
        Map<Integer, Instant> requestedAt = new TreeMap<>();
        stack.topics().recordsOf(Topics.syncRequests(Marketplace.SHOPIFY), connection.id()).stream()
                .map(r -> TopicReader.json(r.value()))
                .filter(e -> syncId.equals(e.path("syncId").asText()))
                .forEach(e -> requestedAt.put(e.path("attempt").asInt(), Instant.parse(e.path("requestedAt").asText())));
        List<Duration> waits = new ArrayList<>();
        failedAt.forEach((attempt, at) -> {
            Instant next = requestedAt.get(attempt + 1);
            if (next != null) {
                waits.add(Duration.between(at, next));
            }
        });
        return waits;
    }

    private static List<Long> perWindow(List<Long> perSecond, int seconds) {
        List<Long> windows = new ArrayList<>();
        for (int s = 0; s < perSecond.size(); s += seconds) {
            windows.add(perSecond.subList(s, Math.min(s + seconds, perSecond.size())).stream().mapToLong(Long::longValue).sum());
        }
        return windows;
    }

    /**
     * Sets the tenant's retry policy ({@code attempts}, 2 s doubling) and waits until the connection's snapshot on
     * {@code nexus.connections.v1} carries it, so the orchestrator judges the next failure by it.
     */
    private static void putRetryPolicy(FaultStack stack, ShopifyConnection connection, int attempts) throws Exception {
        String json = "{\"retryAttempts\":" + attempts + ",\"retryBackoff\":\"" + FIRST_RETRY_DELAY + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.connectionServiceUrl() + "/api/settings"))
                .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + stack.bearerToken())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT /api/settings: %s", response.body()).isEqualTo(200);
        org.awaitility.Awaitility.await("the policy on the connection's snapshot").atMost(Duration.ofMinutes(1))
                .until(() -> stack.topics().recordsOf(Topics.CONNECTIONS, connection.id()).stream()
                        .filter(r -> r.value() != null).reduce((first, second) -> second)
                        .map(r -> TopicReader.json(r.value()).path("policy").path("retryAttempts").asInt())
                        .filter(found -> found == attempts).isPresent());
    }
}

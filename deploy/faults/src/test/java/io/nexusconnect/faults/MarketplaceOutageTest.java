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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Order(5)
@ExtendWith(FaultStackExtension.class)
@DisplayName("Fault: the marketplace answers 503 for minutes, then recovers")
class MarketplaceOutageTest {
    /** How long every Admin API call answers 503 ({@code -Dnexus.faults.outage-seconds}, at least two minutes by default). */
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("nexus.faults.outage-seconds", 120));
    /** The tenant's first retry delay; each retry waits twice the one before. */
    private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(4);
    /**
     * Attempts of the tenant's retry policy: enough that the waits (4 s, 8 s, …) reach past the outage, plus one, because
     * adapter-shopify's circuit can stay open up to 30 s after the outage and fail the first attempt after it.
     */
    private static final int ATTEMPTS = attemptsSpanning(OUTAGE) + 1;
    /** adapter-shopify's attempts per Admin API call (its default). */
    private static final int CALL_ATTEMPTS = 5;
    /** The steps of a cycle that call the marketplace at once (shop/products, orders, inventory). */
    private static final int STEPS = 3;
    /** Calls of an attempt may be counted by the per-second sampler up to a second after the attempt's bounds. */
    private static final Duration SAMPLE_SLACK = Duration.ofMillis(1500);
    private static final Duration CYCLE_TIMEOUT = Duration.ofMinutes(3);

    /** Calls the simulator answered in the second before {@code at}. */
    private record Sample(Instant at, long calls) {
    }

    /** One attempt of the cycle: requested by the orchestrator, finished (failed or not) as the adapter reported. */
    private record Slot(int attempt, Instant requestedAt, Instant finishedAt) {
        boolean covers(Instant at) {
            return !at.isBefore(requestedAt) && (finishedAt == null || !at.isAfter(finishedAt.plus(SAMPLE_SLACK)));
        }
    }

    @Test
    @DisplayName("The card goes to error and, once the marketplace is back, to active in the same cycle; its retries "
            + "wait longer each time, the calls thin out per minute, stay within attempts × steps × call attempts, "
            + "and none falls outside an attempt")
    void outageIsRetriedWithBackoffAndRecovers(FaultStack stack) throws Exception {
        // given: the shop's connection, a retry policy spanning the outage, and every Admin API call answered 503
        ShopifyConnection connection = stack.shopifyConnection();
        ShopifySimulator shopify = stack.shopify();
        SyncHistory history = new SyncHistory(stack.api(), connection.id());
        history.awaitCard("the connection active before the outage", CYCLE_TIMEOUT,
                card -> "active".equals(card.path("status").asText()));
        putRetryPolicy(stack, connection, ATTEMPTS);
        List<Sample> samples = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        shopify.faults().persistent(Faults.ANY_OPERATION, Fault.serverError(503));
        Instant outageStart = Instant.now();
        long[] last = {shopify.requestLog().total()};
        sampler.scheduleAtFixedRate(() -> {
            long total = shopify.requestLog().total();
            samples.add(new Sample(Instant.now(), total - last[0]));
            last[0] = total;
        }, 1, 1, TimeUnit.SECONDS);
        try {
            // when: the seller presses Sync Now during the outage
            Set<String> earlier = history.cycles().stream().map(c -> c.path("syncId").asText()).collect(Collectors.toSet());
            stack.api().syncNow(connection.id());

            // then: the first attempt fails and the card shows the error
            JsonNode card = history.awaitCard("status error", CYCLE_TIMEOUT, c -> "error".equals(c.path("status").asText()));
            String syncId = history.awaitCycle("the Sync Now in the history", CYCLE_TIMEOUT,
                    c -> !earlier.contains(c.path("syncId").asText())).path("syncId").asText();

            // and: for the rest of the outage the card stays in error and the calls stay within the bound
            long bound = (long) ATTEMPTS * STEPS * CALL_ATTEMPTS;
            await("the outage of " + OUTAGE.toSeconds() + " s").atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        assertThat(history.card().path("status").asText()).as("the card during the outage").isEqualTo("error");
                        assertThat(sum(samples)).as("calls so far, at most %d", bound).isLessThanOrEqualTo(bound);
                        return Duration.between(outageStart, Instant.now()).compareTo(OUTAGE) >= 0;
                    });
            List<Sample> outage = List.copyOf(samples);

            // when: the marketplace recovers (the seller does nothing)
            shopify.faults().clear();
            Instant recoveredAt = Instant.now();

            // then: a retry of the same cycle succeeds and the card is active again
            history.awaitCard("status active after the recovery", CYCLE_TIMEOUT.plus(OUTAGE),
                    c -> "active".equals(c.path("status").asText()));
            JsonNode recovery = history.awaitCycle("a cycle succeeded", CYCLE_TIMEOUT,
                    c -> SyncHistory.succeeded(c) && !earlier.contains(c.path("syncId").asText()));
            long recoverySeconds = Duration.between(recoveredAt, Instant.now()).toSeconds();
            List<Slot> slots = slots(stack, connection, recovery.path("syncId").asText());
            List<Duration> waits = waits(slots);
            long outageCalls = sum(outage);
            List<Long> perMinute = perWindow(outageStart, outage, 60);
            List<Long> attemptsPerMinute = slots.stream().filter(s -> s.requestedAt().isBefore(recoveredAt))
                    .map(s -> Duration.between(outageStart, s.requestedAt()).toMinutes()).collect(
                            TreeMap<Long, Long>::new, (m, minute) -> m.merge(minute, 1L, Long::sum), Map::putAll)
                    .values().stream().toList();
            List<Sample> outsideSlots = outage.stream().filter(s -> s.calls() > 0)
                    .filter(s -> slots.stream().noneMatch(slot -> slot.covers(s.at()))).toList();
            System.out.printf("FAULT %-22s %d calls in %d s of outage (bound %d = %d attempts x %d steps x %d calls); calls per "
                            + "minute %s, per 10 s %s; attempts per minute %s; waits before the retries %s; calls outside "
                            + "an attempt %d; card %s (%s) -> active %d s after the recovery, at attempt %s of the same cycle%n",
                    "marketplace outage", outageCalls, Duration.between(outageStart, recoveredAt).toSeconds(), bound, ATTEMPTS,
                    STEPS, CALL_ATTEMPTS, perMinute, perWindow(outageStart, outage, 10), attemptsPerMinute,
                    waits.stream().map(d -> d.toMillis() / 100 / 10.0 + "s").toList(), outsideSlots.size(),
                    card.path("status").asText(), card.path("error").path("code").asText(), recoverySeconds,
                    recovery.path("attempt").asText());
            assertThat(recovery.path("syncId").asText()).as("the retries of the Sync Now spanned the outage").isEqualTo(syncId);
            assertThat(outageCalls).as("calls during the outage").isPositive().isLessThanOrEqualTo(bound);
            assertThat(outsideSlots).as("calls outside every attempt of the cycle (no retry storm)").isEmpty();
            assertThat(perMinute).as("calls per minute of the outage").isNotEmpty();
            assertThat(perMinute.getLast()).as("calls in the last minute of the outage vs the first")
                    .isLessThanOrEqualTo(perMinute.getFirst());
            assertThat(attemptsPerMinute).as("attempts per minute thin out").isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(waits).as("a wait before each retry").hasSize(recovery.path("attempt").asInt() - 1);
            assertThat(waits.getFirst()).as("the first retry waits the policy's delay").isGreaterThanOrEqualTo(FIRST_RETRY_DELAY);
            for (int i = 1; i < waits.size(); i++) {
                assertThat(waits.get(i)).as("retry %d waits longer than retry %d", i + 1, i).isGreaterThan(waits.get(i - 1));
            }
        } finally {
            sampler.shutdownNow();
            shopify.faults().clear();
        }
    }

    /** The fewest attempts whose waits (first delay, doubling) add up to at least {@code outage}. */
    static int attemptsSpanning(Duration outage) {
        int attempts = 1;
        Duration waited = Duration.ZERO;
        while (waited.compareTo(outage) < 0) {
            waited = waited.plus(FIRST_RETRY_DELAY.multipliedBy(1L << (attempts - 1)));
            attempts++;
        }
        return attempts;
    }

    /**
     * The attempts of the cycle: when the orchestrator requested each (SyncRequested on nexus.sync-requests.shopify.v1)
     * and when the adapter finished it (SyncCompleted on nexus.sync-events.v1).
     */
    private static List<Slot> slots(FaultStack stack, ShopifyConnection connection, String syncId) {
        Map<Integer, Instant> finishedAt = new TreeMap<>();
        stack.topics().recordsOf(Topics.SYNC_EVENTS, connection.id()).stream().map(r -> TopicReader.json(r.value()))
                .filter(e -> syncId.equals(e.path("syncId").asText()) && e.hasNonNull("outcome"))
                .forEach(e -> finishedAt.put(e.path("attempt").asInt(), Instant.parse(e.path("finishedAt").asText())));
        List<Slot> slots = new ArrayList<>();
        stack.topics().recordsOf(Topics.syncRequests(Marketplace.SHOPIFY), connection.id()).stream()
                .map(r -> TopicReader.json(r.value()))
                .filter(e -> syncId.equals(e.path("syncId").asText()))
                .forEach(e -> slots.add(new Slot(e.path("attempt").asInt(), Instant.parse(e.path("requestedAt").asText()),
                        finishedAt.get(e.path("attempt").asInt()))));
        slots.sort(Comparator.comparingInt(Slot::attempt));
        return slots;
    }

    /** How long the orchestrator waited between an attempt's end and its request of the next, per retry. */
    private static List<Duration> waits(List<Slot> slots) {
        List<Duration> waits = new ArrayList<>();
        for (int i = 1; i < slots.size(); i++) {
            waits.add(Duration.between(slots.get(i - 1).finishedAt(), slots.get(i).requestedAt()));
        }
        return waits;
    }

    private static long sum(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::calls).sum();
    }

    /** Calls per window of {@code seconds} from {@code start}, for the whole windows of the outage. */
    private static List<Long> perWindow(Instant start, List<Sample> samples, int seconds) {
        List<Long> windows = new ArrayList<>();
        for (long w = 0; w < OUTAGE.toSeconds() / seconds; w++) {
            windows.add(0L);
        }
        for (Sample sample : samples) {
            int window = (int) (Duration.between(start, sample.at()).minusMillis(1).toSeconds() / seconds);
            if (window < windows.size()) {
                windows.set(window, windows.get(window) + sample.calls());
            }
        }
        return windows;
    }

    /**
     * Sets the tenant's retry policy ({@code attempts}, from the first delay doubling) and waits until the connection's
     * snapshot on {@code nexus.connections.v1} carries it, so the orchestrator judges the next failure by it.
     */
    private static void putRetryPolicy(FaultStack stack, ShopifyConnection connection, int attempts) throws Exception {
        String json = "{\"retryAttempts\":" + attempts + ",\"retryBackoff\":\"" + FIRST_RETRY_DELAY + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.connectionServiceUrl() + "/api/settings"))
                .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + stack.bearerToken())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT /api/settings: %s", response.body()).isEqualTo(200);
        await("the policy on the connection's snapshot").atMost(Duration.ofMinutes(1))
                .until(() -> stack.topics().recordsOf(Topics.CONNECTIONS, connection.id()).stream()
                        .filter(r -> r.value() != null).reduce((first, second) -> second)
                        .map(r -> TopicReader.json(r.value()).path("policy").path("retryAttempts").asInt())
                        .filter(found -> found == attempts).isPresent());
    }
}

package io.nexusconnect.shopify.it;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cycles against injected faults: each fails with the right diagnosis and raw answer for the sync history, and the
 * next cycle from the same cursor recovers every order — nothing is lost. Cursors are two hours back, so a cycle
 * reads few orders.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ShopifySimResource.class, restrictToAnnotatedClass = false)
class ShopifyFaultsTest {
    private static final Set<SyncScope> ORDERS = Set.of(SyncScope.ORDERS);
    ShopifySimulator sim;

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
        sim.resetRateLimits();
    }

    private static Map<String, String> recentCursor() {
        return Map.of("orders.updatedAtMin", Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS)
                .toString());
    }

    private static SyncCompleted cycle(ConnectionSnapshot connection, Map<String, String> cursors) {
        return Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.INCREMENTAL, cursors, ORDERS)));
    }

    /** The orders a cycle from {@code cursors} must publish. */
    private long ordersSince(Map<String, String> cursors) {
        Instant from = Instant.parse(cursors.get("orders.updatedAtMin"));
        return sim.store().orders().stream().filter(o -> !o.updatedAt().isBefore(from)).count();
    }

    private void assertRecovered(ConnectionSnapshot connection, Map<String, String> cursors) {
        SyncCompleted recovered = cycle(connection, cursors);
        assertThat(recovered.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        long expected = ordersSince(cursors);
        List<String> ids = Cycles.records(Topics.ORDERS, connection.connectionId(), (int) expected).stream()
                .map(r -> Json.read(r.value(), Order.class).externalId()).distinct().toList();
        assertThat(ids).hasSize((int) expected);
    }

    @Test
    @DisplayName("A refused access token fails the cycle as invalid_credentials with Shopify's answer; a cycle with the "
            + "right token afterwards gets every order")
    void invalidToken() {
        // given a connection whose token Shopify no longer accepts
        Map<String, String> cursors = recentCursor();
        ConnectionSnapshot revoked = Cycles.connectionWithToken("shpat_" + "ffffffffffffffffffffffffffffffff");

        // when it syncs, then the cycle fails with the diagnosis and the raw answer, and the cursor is kept
        SyncCompleted failed = cycle(revoked, cursors);
        assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(failed.error().rawResponse()).contains("Invalid API key or access token");
        assertThat(failed.error().message()).doesNotContain("ffffffffffffffff");
        assertThat(failed.cursors()).isEqualTo(cursors);

        // then the right token recovers everything from the same cursor
        assertRecovered(Cycles.demoConnection(), cursors);
    }

    @Test
    @DisplayName("An exhausted cost bucket is answered THROTTLED; the adapter waits what the restore rate needs and "
            + "the cycle succeeds with a single throttled answer")
    void throttled() {
        // given a connection and an empty bucket on the shop
        ConnectionSnapshot connection = Cycles.demoConnection();
        Map<String, String> cursors = recentCursor();
        long throttledBefore = sim.requestLog().count("orders:throttled", 200);
        sim.costBucket().drain();

        // when a cycle runs, then it succeeds after one THROTTLED answer, not a storm of them
        assertRecovered(connection, cursors);
        assertThat(sim.requestLog().count("orders:throttled", 200) - throttledBefore).isBetween(0L, 1L);
    }

    @Test
    @DisplayName("A 429 with Retry-After is waited out and retried inside the cycle")
    void tooManyRequests() {
        // given the next orders query is answered 429
        long before = sim.requestLog().count("orders", 429);
        sim.faults().next("orders", Fault.rateLimit(Duration.ofSeconds(1)));

        // when a cycle runs, then it succeeds after one 429
        assertRecovered(Cycles.demoConnection(), recentCursor());
        assertThat(sim.requestLog().count("orders", 429)).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("Persistent 5xx fail the cycle as marketplace_unavailable after the retries; the next cycle recovers")
    void serverErrors() {
        // given Shopify answers 503 to every orders query
        Map<String, String> cursors = recentCursor();
        ConnectionSnapshot connection = Cycles.demoConnection();
        sim.faults().persistent("orders", Fault.serverError(503));

        // when a cycle runs, then it fails as unavailable and keeps its cursor
        SyncCompleted failed = cycle(connection, cursors);
        assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(failed.cursors()).isEqualTo(cursors);

        // then once Shopify is back, the same cursor gets every order
        sim.faults().clear();
        assertRecovered(connection, cursors);
    }

    @Test
    @DisplayName("A malformed answer fails the step as malformed_response with the raw body, never the service")
    void malformed() {
        // given an order changed now and the next orders answer cut in half
        SimOrder order = sim.store().orders().getFirst();
        sim.store().put(order.withStatus("PAID", "FULFILLED", null, Instant.now()));
        Map<String, String> cursors = recentCursor();
        ConnectionSnapshot connection = Cycles.demoConnection();
        sim.faults().next("orders", Fault.malformedJson());

        // when a cycle runs, then it fails with the diagnosis and the raw answer
        SyncCompleted failed = cycle(connection, cursors);
        assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);
        assertThat(failed.error().rawResponse()).startsWith("{");

        // then the next cycle publishes the changed order with the others
        assertRecovered(connection, cursors);
    }
}

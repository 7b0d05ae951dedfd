package io.nexusconnect.amazon.it;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.amazon.model.OrderStatus;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Cycles against the simulator's injected faults. Each test uses a new connection (its own token cache entry) and
 * reads orders from a recent cursor, so its cycle is short.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AmazonSimResource.class, restrictToAnnotatedClass = false)
class AmazonFaultsTest {
    private static final Set<SyncScope> ORDERS = Set.of(SyncScope.ORDERS);
    AmazonSimulator sim;

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    /** Cursors from one hour ago: the window holds the orders the test changes, and little else. */
    private static Map<String, String> recentCursors() {
        return Map.of("orders.lastUpdatedAfter", Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }

    private SyncCompleted cycle(ConnectionSnapshot connection, Map<String, String> cursors) {
        return Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.INCREMENTAL, cursors, ORDERS)));
    }

    /** Changes an order now and waits until the two-second lag guard lets the adapter see the change. */
    private SimOrder changeAnOrder() {
        SimOrder changed = sim.updateOrder(sim.orders().getFirst().amazonOrderId(), OrderStatus.SHIPPED);
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(changed.lastUpdateDate().plusSeconds(3)));
        return changed;
    }

    @Test
    @DisplayName("A reconnect cycle trades the refresh token again; an ordinary cycle reuses the cached access token")
    void reconnectFetchesAFreshToken() {
        // given a connection whose access token is cached by a first cycle
        ConnectionSnapshot connection = Cycles.demoConnection();
        assertThat(cycle(connection, recentCursors()).outcome()).isEqualTo(SyncOutcome.SUCCESS);
        long tokens = sim.requestLog().count(AmazonSimulator.LWA_TOKEN);

        // when a second, scheduled cycle runs, no token is fetched
        assertThat(cycle(connection, recentCursors()).outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sim.requestLog().count(AmazonSimulator.LWA_TOKEN)).isEqualTo(tokens);

        // then a cycle the orchestrator asked for as a reconnect fetches exactly one new token and succeeds
        SyncRequested plain = Cycles.request(connection, SyncMode.INCREMENTAL, recentCursors(), ORDERS);
        SyncRequested reconnect = new SyncRequested(plain.syncId(), plain.connectionId(), plain.tenantId(),
                plain.marketplace(), plain.scopes(), plain.mode(), plain.cursors(), plain.lookback(),
                SyncTrigger.RECONNECT, 1, plain.requestedAt(), connection);
        assertThat(Cycles.completed(Cycles.run(reconnect)).outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sim.requestLog().count(AmazonSimulator.LWA_TOKEN)).isEqualTo(tokens + 1);
    }

    @Test
    @DisplayName("A 429 with Retry-After is waited out within the cycle, which then succeeds")
    void throttlingRecovered() {
        // given the next getOrders call is throttled for one second
        SimOrder changed = changeAnOrder();
        long throttledBefore = sim.requestLog().count("getOrders", 429);
        sim.faults().next("getOrders", Fault.rateLimit(Duration.ofSeconds(1)));

        // when a cycle runs
        ConnectionSnapshot connection = Cycles.demoConnection();
        SyncCompleted completed = cycle(connection, recentCursors());

        // then it was throttled once, retried, and got the changed order
        assertThat(sim.requestLog().count("getOrders", 429)).isEqualTo(throttledBefore + 1);
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(AmazonSyncTest.ofCycle(Topics.ORDERS, connection, completed.syncId(), 1, Order.class))
                .extracting(Order::externalId).contains(changed.amazonOrderId());
    }

    @Test
    @DisplayName("An access token Amazon calls expired is refreshed once, transparently, and the cycle succeeds")
    void expiredTokenRefreshed() {
        // given the next getOrders call answers that the token expired
        long tokenRequests = sim.requestLog().count(AmazonSimulator.LWA_TOKEN);
        sim.faults().next("getOrders", Fault.expiredToken());

        // when a cycle runs for a new connection
        SyncCompleted completed = cycle(Cycles.demoConnection(), recentCursors());

        // then it succeeded after fetching a first and a replacement token
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sim.requestLog().count(AmazonSimulator.LWA_TOKEN)).isEqualTo(tokenRequests + 2);
    }

    @Test
    @DisplayName("A revoked refresh token (LWA invalid_grant) fails the cycle as TOKEN_EXPIRED with LWA's answer")
    void revokedRefreshToken() {
        // given LWA refuses the refresh token
        sim.faults().persistent(AmazonSimulator.LWA_TOKEN, Fault.invalidGrant());
        Map<String, String> cursors = recentCursors();

        // when a cycle runs for a new connection
        SyncCompleted completed = cycle(Cycles.demoConnection(), cursors);

        // then it failed as TOKEN_EXPIRED, kept its cursor, and carries the raw answer
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(completed.error().code()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
        assertThat(completed.error().httpStatus()).isEqualTo(400);
        assertThat(completed.error().rawResponse()).contains("invalid_grant");
        assertThat(completed.error().message()).doesNotContain(AmazonSimulator.DEMO.refreshToken())
                .doesNotContain(AmazonSimulator.DEMO.lwaClientSecret());
        assertThat(completed.cursors()).isEqualTo(cursors);
    }

    @Test
    @DisplayName("A malformed JSON answer fails the cycle as MALFORMED_RESPONSE with the raw body, and the adapter goes on")
    void malformedAnswer() {
        // given the next getOrders answer is cut in half
        sim.faults().next("getOrders", Fault.malformedJson());
        Map<String, String> cursors = recentCursors();

        // when a cycle runs
        SyncCompleted completed = cycle(Cycles.demoConnection(), cursors);

        // then it failed with the unreadable body in the error and the old cursor
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(completed.error().code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);
        assertThat(completed.error().rawResponse()).startsWith("{").isNotEmpty();
        assertThat(completed.error().requestId()).isNotBlank();
        assertThatThrownBy(() -> io.nexusconnect.contracts.kafka.Json.mapper().readTree(completed.error().rawResponse()))
                .isInstanceOf(Exception.class);
        assertThat(completed.cursors()).isEqualTo(cursors);

        // and the next cycle works
        assertThat(cycle(Cycles.demoConnection(), cursors).outcome()).isEqualTo(SyncOutcome.SUCCESS);
    }

    @Test
    @DisplayName("Persistent 500s fail the cycle as MARKETPLACE_UNAVAILABLE, and the next cycle from its cursors loses nothing")
    void outageLosesNothing() {
        // given an order changed while Amazon answers 500 to everything
        ConnectionSnapshot connection = Cycles.demoConnection();
        SimOrder changed = changeAnOrder();
        sim.faults().persistent(Faults.ANY_OPERATION, Fault.serverError(500));
        Map<String, String> cursors = recentCursors();

        // when a cycle runs, then it failed as unavailable and kept its cursor
        SyncCompleted failed = cycle(connection, cursors);
        assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(failed.cursors()).isEqualTo(cursors);

        // when the outage ends and the next cycle starts from the returned cursors
        sim.faults().clear();
        SyncCompleted recovered = cycle(connection, failed.cursors());

        // then the order changed during the outage is there
        assertThat(recovered.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        List<Order> orders = AmazonSyncTest.ofCycle(Topics.ORDERS, connection, recovered.syncId(), 1, Order.class);
        assertThat(orders).extracting(Order::externalId).contains(changed.amazonOrderId());
    }
}

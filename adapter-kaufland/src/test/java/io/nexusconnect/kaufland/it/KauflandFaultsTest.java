package io.nexusconnect.kaufland.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.kaufland.client.KauflandErrorClassifier;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.kaufland.KauflandSimulator;
import io.nexusconnect.sims.kaufland.model.OrderUnit;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What Kaufland's failures do to a cycle (status and history), and that the next cycle recovers with nothing lost. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KauflandSimResource.class, restrictToAnnotatedClass = false)
class KauflandFaultsTest {
    KauflandSimulator sim;

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
        KauflandSimResource.CLOCK.shift(Duration.ZERO);
    }

    /** Cursors an hour back: an incremental orders cycle of a few orders. */
    private static Map<String, String> recentCursors() {
        return Map.of("orders.updatedFrom", Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS)
                .toString());
    }

    private static SyncCompleted cycle(ConnectionSnapshot connection, Map<String, String> cursors) {
        return TestCycles.completed(TestCycles.run(TestCycles.request(connection, SyncMode.INCREMENTAL, cursors,
                Set.of(SyncScope.ORDERS))));
    }

    private OrderUnit changeAUnit() {
        OrderUnit unit = sim.store().orderUnits().getFirst();
        OrderUnit changed = new OrderUnit(unit.idOrderUnit(), unit.idOrder(), unit.storefront(), unit.currency(),
                unit.idOffer(), unit.ean(), unit.title(), unit.price(), unit.shippingRate(), "sent", unit.tsCreated(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(2), unit.buyerEmail(),
                unit.shippingCountry());
        sim.store().put(changed);
        return changed;
    }

    @Test
    @DisplayName("A wrong secret key fails the cycle as INVALID_CREDENTIALS (corrupted signature) with no secret in the report, keeping the cursor")
    void badSignature() {
        String wrongSecret = "0".repeat(64);
        ConnectionSnapshot connection = TestConnections.of(Marketplace.KAUFLAND).property("storefront", "de")
                .secret("clientKey", KauflandSimulator.DEMO.clientKey()).secret("secretKey", wrongSecret).build();
        Map<String, String> cursors = recentCursors();

        SyncCompleted completed = cycle(connection, cursors);

        assertThat(completed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(completed.error().code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(completed.error().rawResponse()).contains("/problems/corrupted-signature");
        assertThat(completed.error().message()).doesNotContain(wrongSecret);
        assertThat(completed.cursors()).isEqualTo(cursors);
    }

    @Test
    @DisplayName("A Kaufland clock ten minutes ahead refuses the timestamp: the cycle fails with the clock explanation, and succeeds once the clocks agree")
    void clockSkewExplainedThenRecovered() {
        KauflandSimResource.CLOCK.shift(Duration.ofMinutes(10));
        Map<String, String> cursors = recentCursors();

        SyncCompleted skewed = cycle(KauflandSyncTest.demoConnection(), cursors);

        assertThat(skewed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(skewed.error().message()).contains(KauflandErrorClassifier.CLOCK_SKEW_EXPLANATION);
        assertThat(skewed.cursors()).isEqualTo(cursors);
        KauflandSimResource.CLOCK.shift(Duration.ZERO);
        assertThat(cycle(KauflandSyncTest.demoConnection(), cursors).outcome()).isEqualTo(SyncOutcome.SUCCESS);
    }

    @Test
    @DisplayName("A 429 is backed off, signed again and retried, and the cycle succeeds")
    void throttlingRetried() {
        long throttled = sim.requestLog().count("getOrderUnits", 429);
        sim.faults().next("getOrderUnits", Fault.rateLimit(Duration.ofSeconds(1)));

        assertThat(cycle(KauflandSyncTest.demoConnection(), recentCursors()).outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sim.requestLog().count("getOrderUnits", 429)).isEqualTo(throttled + 1);
    }

    @Test
    @DisplayName("A malformed JSON answer fails the cycle as MALFORMED_RESPONSE with the raw body, and the next cycle works")
    void malformedAnswer() {
        sim.faults().next("getOrderUnits", Fault.malformedJson());
        Map<String, String> cursors = recentCursors();

        SyncCompleted completed = cycle(KauflandSyncTest.demoConnection(), cursors);

        assertThat(completed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(completed.error().code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);
        assertThatThrownBy(() -> io.nexusconnect.contracts.kafka.Json.mapper().readTree(completed.error().rawResponse()))
                .isInstanceOf(Exception.class);
        assertThat(completed.cursors()).isEqualTo(cursors);
        assertThat(cycle(KauflandSyncTest.demoConnection(), cursors).outcome()).isEqualTo(SyncOutcome.SUCCESS);
    }

    @Test
    @DisplayName("Persistent 503s fail the cycle as MARKETPLACE_UNAVAILABLE, and the next cycle from its cursors loses nothing")
    void outageLosesNothing() {
        ConnectionSnapshot connection = KauflandSyncTest.demoConnection();
        OrderUnit changed = changeAUnit();
        sim.faults().persistent(Faults.ANY_OPERATION, Fault.serverError(503));
        Map<String, String> cursors = recentCursors();

        SyncCompleted failed = cycle(connection, cursors);
        assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(failed.error().rawResponse()).contains("/problems/service-unavailable");
        assertThat(failed.cursors()).isEqualTo(cursors);

        sim.faults().clear();
        SyncCompleted recovered = cycle(connection, failed.cursors());
        assertThat(recovered.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        List<Order> orders = KauflandSyncTest.ofCycle(Topics.ORDERS, recovered.syncId(), 1, Order.class);
        assertThat(orders).extracting(Order::externalId).contains(changed.idOrder());
    }
}

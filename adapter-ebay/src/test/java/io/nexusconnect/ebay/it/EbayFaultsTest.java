package io.nexusconnect.ebay.it;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.EbaySimConfig;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.ebay.model.EbayOrder;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What eBay's failures do to a cycle (status and history), and that the next cycle recovers with nothing lost. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EbaySimResource.class, restrictToAnnotatedClass = false)
class EbayFaultsTest {
    EbaySimulator sim;

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
        sim.quota().setLimit(EbayApi.FULFILLMENT, EbaySimConfig.DEFAULT_DAILY_LIMITS.get(EbayApi.FULFILLMENT));
    }

    /** Cursors an hour back: an incremental orders cycle of a few orders, one page. */
    private static Map<String, String> recentCursors() {
        return Map.of("orders.lastModifiedDate", Instant.now().minus(Duration.ofHours(1)).toString());
    }

    private static SyncCompleted cycle(ConnectionSnapshot connection, Map<String, String> cursors) {
        return Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.INCREMENTAL, cursors,
                Set.of(SyncScope.ORDERS))));
    }

    private EbayOrder changeAnOrder() {
        return sim.store().updateOrder(sim.orders().getFirst().orderId(), "IN_PROGRESS", "PAID", "NONE_REQUESTED");
    }

    @Test
    @DisplayName("An access token eBay calls invalid (401, errorId 1001) is refreshed once, transparently, and the cycle succeeds")
    void expiredTokenRefreshed() {
        // given a connection whose token is cached, and the next getOrders answers that it expired
        ConnectionSnapshot connection = Cycles.demoConnection();
        assertThat(cycle(connection, recentCursors()).outcome()).isEqualTo(SyncOutcome.SUCCESS);
        long tokens = sim.requestLog().count(EbaySimulator.OAUTH_TOKEN);
        sim.faults().next("getOrders", Fault.expiredToken());

        // when the next cycle runs, then it succeeded with exactly one new token
        assertThat(cycle(connection, recentCursors()).outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sim.requestLog().count(EbaySimulator.OAUTH_TOKEN)).isEqualTo(tokens + 1);
    }

    @Test
    @DisplayName("A refused refresh token (invalid_grant) fails the cycle as TOKEN_EXPIRED with eBay's answer and no secret in it")
    void refusedRefreshToken() {
        sim.faults().persistent(EbaySimulator.OAUTH_TOKEN, Fault.invalidGrant());
        Map<String, String> cursors = recentCursors();

        SyncCompleted completed = cycle(Cycles.demoConnection(), cursors);

        assertThat(completed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(completed.error().code()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
        assertThat(completed.error().rawResponse()).contains("invalid_grant");
        assertThat(completed.error().message()).doesNotContain(EbaySimulator.DEMO.refreshToken())
                .doesNotContain(EbaySimulator.DEMO.clientSecret());
        assertThat(completed.cursors()).isEqualTo(cursors);
    }

    @Test
    @DisplayName("A 429 with Retry-After is waited out and retried, and the cycle succeeds")
    void throttlingRetried() {
        long throttled = sim.requestLog().count("getOrders", 429);
        sim.faults().next("getOrders", Fault.rateLimit(Duration.ofSeconds(1)));

        assertThat(cycle(Cycles.demoConnection(), recentCursors()).outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sim.requestLog().count("getOrders", 429)).isEqualTo(throttled + 1);
    }

    @Test
    @DisplayName("A used-up daily Fulfillment quota (429, errorId 2001) fails the cycle as RATE_LIMITED until midnight Pacific time, keeping the cursor")
    void dailyQuotaExhausted() {
        sim.quota().setLimit(EbayApi.FULFILLMENT, 0);
        Map<String, String> cursors = recentCursors();

        SyncCompleted completed = cycle(Cycles.demoConnection(), cursors);

        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        Instant midnight = LocalDate.now(pacific).plusDays(1).atStartOfDay(pacific).toInstant();
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(completed.error().code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(completed.error().rawResponse()).contains("2001");
        assertThat(completed.error().message()).contains(midnight.toString());
        assertThat(completed.rateLimitedUntil()).isBetween(midnight.minusSeconds(5), midnight.plusSeconds(60));
        assertThat(completed.cursors()).isEqualTo(cursors);
    }

    @Test
    @DisplayName("A malformed JSON answer fails the cycle as MALFORMED_RESPONSE with the raw body and request id, and the next cycle works")
    void malformedAnswer() {
        sim.faults().next("getOrders", Fault.malformedJson());
        Map<String, String> cursors = recentCursors();

        SyncCompleted completed = cycle(Cycles.demoConnection(), cursors);

        assertThat(completed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(completed.error().code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);
        assertThat(completed.error().requestId()).isNotBlank();
        assertThatThrownBy(() -> io.nexusconnect.contracts.kafka.Json.mapper().readTree(completed.error().rawResponse()))
                .isInstanceOf(Exception.class);
        assertThat(completed.cursors()).isEqualTo(cursors);
        assertThat(cycle(Cycles.demoConnection(), cursors).outcome()).isEqualTo(SyncOutcome.SUCCESS);
    }

    @Test
    @DisplayName("Persistent 500s fail the cycle as MARKETPLACE_UNAVAILABLE, and the next cycle from its cursors loses nothing")
    void outageLosesNothing() {
        ConnectionSnapshot connection = Cycles.demoConnection();
        EbayOrder changed = changeAnOrder();
        sim.faults().persistent(Faults.ANY_OPERATION, Fault.serverError(500));
        Map<String, String> cursors = recentCursors();

        SyncCompleted failed = cycle(connection, cursors);
        assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(failed.error().rawResponse()).contains("30500");
        assertThat(failed.cursors()).isEqualTo(cursors);

        sim.faults().clear();
        SyncCompleted recovered = cycle(connection, failed.cursors());
        assertThat(recovered.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        List<Order> orders = EbaySyncTest.ofCycle(Topics.ORDERS, connection, recovered.syncId(), 1, Order.class);
        assertThat(orders).extracting(Order::externalId).contains(changed.orderId());
    }
}

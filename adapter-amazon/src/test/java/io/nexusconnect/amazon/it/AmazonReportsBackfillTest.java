package io.nexusconnect.amazon.it;

import io.nexusconnect.amazon.reports.BackfillState;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.amazon.reports.ReportFault;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * First syncs of a year of orders through order tracking reports against the simulator, compared with the Orders API
 * path, with the report faults, a retry and an incremental update of a backfilled order.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AmazonSimResource.class, restrictToAnnotatedClass = false)
class AmazonReportsBackfillTest {
    private static final Set<SyncScope> ORDERS = Set.of(SyncScope.ORDERS);
    /**
     * What the report cannot carry, left out of the comparison: the cycle's own syncId and observedAt, and the shipped
     * units of a line of a PartiallyShipped order (the report has an item status, Shipped or not, not units).
     */
    static final List<String> NOT_CARRIED = List.of("syncId", "observedAt", "lines[].quantityShipped of PartiallyShipped orders");

    AmazonSimulator sim;

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
        sim.reports().clearFaults();
    }

    @Test
    @DisplayName("Both paths publish the same normalized orders for the same seller, field by field except what the report cannot carry; an incremental update of a backfilled order replaces its lines under the same line keys")
    void reportsMatchTheOrdersApiAndIncrementalUpdatesReplaceLines() {
        // given the demo seller's orders, read once through getOrders + getOrderItems (30 days: below the threshold)
        ConnectionSnapshot connection = Cycles.demoConnection();
        SyncCompleted byApi = cycle(connection, SyncMode.FULL, Map.of(), OrderLookback.THIRTY_DAYS);
        assertThat(byApi.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        Map<String, Order> apiOrders = byId(AmazonSyncTest.ofCycle(Topics.ORDERS, connection, byApi.syncId(),
                (int) byApi.counts().orders(), Order.class));
        long itemsCalls = sim.requestLog().count("getOrderItems");
        int reportsBefore = sim.reports().reportIds().size();

        // when a first sync of a year runs (estimated far above the threshold)
        SyncCompleted byReports = cycle(connection, SyncMode.FULL, Map.of(), OrderLookback.ONE_YEAR);

        // then it read thirteen 30-day reports and not one getOrderItems, and the backfill state is gone from the cursors
        assertThat(byReports.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sim.reports().reportIds()).hasSize(reportsBefore + 13);
        assertThat(sim.requestLog().count("getOrderItems")).isEqualTo(itemsCalls);
        assertThat(byReports.cursors()).doesNotContainKey(BackfillState.CURSOR);
        Map<String, Order> reportOrders = byId(AmazonSyncTest.ofCycle(Topics.ORDERS, connection, byReports.syncId(),
                (int) byReports.counts().orders(), Order.class));
        assertThat(reportOrders.keySet()).containsAll(apiOrders.keySet()).containsAll(idsOf(sim.orders(), byReports));

        // and every order the API path published is the same order, field by field but for NOT_CARRIED
        apiOrders.forEach((id, api) -> assertThat(comparable(reportOrders.get(id))).as(id).isEqualTo(comparable(api)));
        assertThat(reportOrders.values()).extracting(Order::status).contains(OrderStatus.PENDING, OrderStatus.CANCELLED,
                OrderStatus.SHIPPED, OrderStatus.PARTIALLY_SHIPPED);

        // when a backfilled unshipped order ships and an incremental cycle runs from the cursors
        Order backfilled = reportOrders.values().stream().filter(o -> o.status() == OrderStatus.UNSHIPPED)
                .filter(o -> o.lines().size() > 1).findFirst().orElseThrow();
        SimOrder shipped = sim.updateOrder(backfilled.externalId(), io.nexusconnect.sims.amazon.model.OrderStatus.SHIPPED);
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(shipped.lastUpdateDate().plusSeconds(3)));
        SyncCompleted incremental = cycle(connection, SyncMode.INCREMENTAL, byReports.cursors(), OrderLookback.ONE_YEAR);
        assertThat(incremental.outcome()).isEqualTo(SyncOutcome.SUCCESS);

        // then the keyed view of the topic holds the order once, with its lines under the backfill's keys, now shipped
        String key = connection.connectionId() + "/" + backfilled.externalId();
        Map<String, Order> view = keyedView(connection, key);
        Order current = view.get(key);
        assertThat(current.syncId()).isEqualTo(incremental.syncId());
        assertThat(current.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(current.lines()).extracting(OrderLine::lineId)
                .containsExactlyElementsOf(backfilled.lines().stream().map(OrderLine::lineId).toList());
        assertThat(current.lines()).allMatch(l -> l.quantityShipped() == l.quantity());
    }

    @Test
    @DisplayName("A FATAL report, a malformed row, a CANCELLED report with data and an expired document URL each fall back or recover, and every order of the year is published")
    void faultsLoseNothing() {
        for (List<ReportFault> faults : List.of(List.of(ReportFault.FATAL, ReportFault.MALFORMED_ROW),
                List.of(ReportFault.CANCELLED, ReportFault.EXPIRED_URL))) {
            // given a new connection and the two reports with data of its year set to fail
            ConnectionSnapshot connection = Cycles.demoConnection();
            faults.forEach(sim.reports()::inject);
            long expired = sim.requestLog().count("downloadFeedDocument", 403);

            // when its first sync runs
            SyncCompleted completed = cycle(connection, SyncMode.FULL, Map.of(), OrderLookback.ONE_YEAR);

            // then it succeeded and published every order of the window
            assertThat(completed.outcome()).as(faults.toString()).isEqualTo(SyncOutcome.SUCCESS);
            Set<String> published = byId(AmazonSyncTest.ofCycle(Topics.ORDERS, connection, completed.syncId(),
                    (int) completed.counts().orders(), Order.class)).keySet();
            assertThat(published).as(faults.toString()).containsAll(idsOf(sim.orders(), completed));
            if (faults.contains(ReportFault.EXPIRED_URL)) {
                assertThat(sim.requestLog().count("downloadFeedDocument", 403)).isEqualTo(expired + 1);
            }
        }
    }

    @Test
    @DisplayName("A cycle that fails after its reports were created is continued from its cursors with the same reports: none is requested again, and no order is lost")
    void retryReusesReports() {
        // given a first sync whose report documents cannot be had
        ConnectionSnapshot connection = Cycles.demoConnection();
        sim.faults().persistent("getReportDocument", Fault.serverError(503));
        SyncCompleted failed = cycle(connection, SyncMode.FULL, Map.of(), OrderLookback.ONE_YEAR);
        assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(failed.cursors()).containsKey(BackfillState.CURSOR);
        int reports = sim.reports().reportIds().size();

        // when the storage is back and the next cycle continues from the returned cursors
        sim.faults().clear();
        SyncCompleted retried = cycle(connection, SyncMode.INCREMENTAL, failed.cursors(), OrderLookback.ONE_YEAR);

        // then no report was created again, and the two cycles together published every order of the window
        assertThat(retried.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sim.reports().reportIds()).hasSize(reports);
        assertThat(retried.cursors()).doesNotContainKey(BackfillState.CURSOR);
        Set<String> published = new HashSet<>(byId(AmazonSyncTest.ofCycle(Topics.ORDERS, connection, retried.syncId(),
                (int) retried.counts().orders(), Order.class)).keySet());
        if (failed.counts().orders() > 0) {
            published.addAll(byId(AmazonSyncTest.ofCycle(Topics.ORDERS, connection, failed.syncId(),
                    (int) failed.counts().orders(), Order.class)).keySet());
        }
        assertThat(published).containsAll(idsOf(sim.orders(), retried));
    }

    private static SyncCompleted cycle(ConnectionSnapshot connection, SyncMode mode, Map<String, String> cursors,
                                       OrderLookback lookback) {
        return Cycles.completed(Cycles.run(TestCycles.request(connection, mode, cursors, ORDERS, lookback,
                SyncTrigger.MANUAL)));
    }

    /** The ids of the seller's orders last updated inside the cycle's window (closed at its returned cursor). */
    private static Set<String> idsOf(List<SimOrder> orders, SyncCompleted cycle) {
        Instant end = Instant.parse(cycle.cursors().get("orders.lastUpdatedAfter"));
        Instant start = end.plusSeconds(2).minus(Duration.ofDays(365));
        return orders.stream().filter(o -> !o.lastUpdateDate().isAfter(end) && !o.lastUpdateDate().isBefore(start))
                .map(SimOrder::amazonOrderId).collect(Collectors.toSet());
    }

    private static Map<String, Order> byId(List<Order> orders) {
        return orders.stream().collect(Collectors.toMap(Order::externalId, Function.identity(), (a, b) -> b));
    }

    /** The order without what the report cannot carry (NOT_CARRIED). */
    private static Order comparable(Order order) {
        boolean partial = "PartiallyShipped".equals(order.marketplaceStatus());
        List<OrderLine> lines = order.lines().stream().map(l -> partial ? new OrderLine(l.lineId(), l.sku(),
                l.marketplaceProductId(), l.title(), l.quantity(), -1, l.unitPrice(), l.lineTotal(), l.tax(),
                l.shipping(), l.discount()) : l).toList();
        return new Order(order.connectionId(), order.tenantId(), order.marketplace(), order.externalId(),
                order.orderNumber(), order.status(), order.marketplaceStatus(), order.purchasedAt(), order.updatedAt(),
                order.total(), order.salesChannel(), order.fulfillmentChannel(), lines, null, null);
    }

    /** Last record per key of the connection's orders, as a compacted topic or any keyed store holds them. */
    private static Map<String, Order> keyedView(ConnectionSnapshot connection, String mustHold) {
        String marker = connection.connectionId() + "/";
        List<ConsumerRecord<String, String>> records = io.nexusconnect.testinfra.KafkaTestClient.readUntil(Topics.ORDERS,
                all -> all.stream().anyMatch(r -> r.key().equals(mustHold)), Cycles.WAIT);
        Map<String, Order> view = new LinkedHashMap<>();
        records.stream().filter(r -> r.key().startsWith(marker)).forEach(r -> view.put(r.key(), Json.read(r.value(), Order.class)));
        return view;
    }
}

package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.sync.RecordCounts;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static io.nexusconnect.connectionservice.StateTopicTombstonesTest.indexed;
import static io.nexusconnect.connectionservice.StateTopicTombstonesTest.level;
import static io.nexusconnect.connectionservice.StateTopicTombstonesTest.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class ListingRemovalSweepTest {
    private static final String TENANT = "t-purge";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The sweep goes by the cycle's marketplace (its events), one whose full products step lists every listing. */
    private static final Marketplace SWEPT = Marketplace.EBAY;

    @Test
    @DisplayName("Given a full products and inventory cycle that no longer lists a product, when it succeeds, then that product and its level are tombstoned only once the product consumer caught up, and the listed ones are untouched")
    void fullCycleForgetsUnlistedProduct() throws SQLException {
        UUID id = Fixtures.createConnection(TENANT);
        for (String sku : List.of("L-A", "L-B", "L-C")) {
            KafkaTestClient.publish(Topics.PRODUCTS, product(id, sku));
            KafkaTestClient.publish(Topics.INVENTORY, level(id, sku));
        }
        await().atMost(WAIT).until(() -> indexed(id) == 6);
        Instant cycleStart = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID syncId = UUID.randomUUID();
        KafkaTestClient.publish(Topics.syncRequests(SWEPT), request(id, syncId, SWEPT, SyncMode.FULL));

        try (Connection db = Fixtures.jdbc()) {
            // the product consumer is held at L-B's record of the cycle: it lags behind the sync-events consumer
            db.setAutoCommit(false);
            lockIndexRow(db, id, "L-B");
            for (String sku : List.of("L-A", "L-B")) {
                KafkaTestClient.publish(Topics.PRODUCTS, product(id, sku));
                KafkaTestClient.publish(Topics.INVENTORY, level(id, sku));
            }
            KafkaTestClient.publish(Topics.SYNC_EVENTS, completed(id, syncId, SWEPT, cycleStart));

            Timestamp offsetsTaken = (Timestamp) await().atMost(WAIT).until(() -> sweepColumn(syncId, "checked_at"),
                    at -> at != null && sweepColumn(syncId, "end_offsets") != null);
            await().atMost(WAIT).until(() -> sweepColumn(syncId, "checked_at"),
                    at -> ((Timestamp) at).after(offsetsTaken));
            assertThat(sweepColumn(syncId, "done_at")).as("the sweep waits for the product consumer").isNull();
            assertThat(indexed(id)).as("nothing tombstoned meanwhile").isEqualTo(6);
            db.rollback();
        }

        StateTopicTombstonesTest.assertTombstoned(Topics.PRODUCTS, Topics.recordKey(id.toString(), "L-C"), Product.TYPE);
        StateTopicTombstonesTest.assertTombstoned(Topics.INVENTORY, Topics.recordKey(id.toString(), "L-C"),
                InventoryLevel.TYPE);
        await().atMost(WAIT).until(() -> sweepColumn(syncId, "done_at") != null);
        for (String sku : List.of("L-A", "L-B")) {
            assertNoTombstone(Topics.PRODUCTS, Topics.recordKey(id.toString(), sku));
            assertNoTombstone(Topics.INVENTORY, Topics.recordKey(id.toString(), sku));
        }
        assertThat(indexed(id)).as("L-A and L-B, product and level").isEqualTo(4);
        as(TENANT).get("/api/connections/" + id).then().statusCode(200).body("stats.productsSynced", equalTo(2));
    }

    @Test
    @DisplayName("Given an incremental cycle that did not list a product, when it succeeds, then nothing is tombstoned")
    void incrementalCycleNeverSweeps() throws SQLException {
        UUID id = Fixtures.createConnection(TENANT);
        KafkaTestClient.publish(Topics.PRODUCTS, product(id, "I-A"));
        await().atMost(WAIT).until(() -> indexed(id) == 1);
        Instant cycleStart = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID syncId = UUID.randomUUID();
        KafkaTestClient.publish(Topics.syncRequests(SWEPT), request(id, syncId, SWEPT, SyncMode.INCREMENTAL));

        KafkaTestClient.publish(Topics.SYNC_EVENTS, completed(id, syncId, SWEPT, cycleStart));

        await().atMost(WAIT).until(() -> sweepColumn(syncId, "done_at") != null);
        assertThat(sweepColumn(syncId, "tombstoned")).isIn(null, 0L);
        assertNoTombstone(Topics.PRODUCTS, Topics.recordKey(id.toString(), "I-A"));
        assertThat(indexed(id)).isEqualTo(1);
    }

    @Test
    @DisplayName("Given an Amazon full cycle that did not list a product, when it succeeds, then it is not even noted for a sweep, since Amazon's listings search leaves out the last minutes")
    void amazonFullCycleNeverSweeps() throws SQLException {
        UUID id = Fixtures.createConnection(TENANT);
        KafkaTestClient.publish(Topics.PRODUCTS, product(id, "A-A"));
        await().atMost(WAIT).until(() -> indexed(id) == 1);
        Instant cycleStart = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID syncId = UUID.randomUUID();
        KafkaTestClient.publish(Topics.syncRequests(Marketplace.AMAZON), request(id, syncId, Marketplace.AMAZON, SyncMode.FULL));

        KafkaTestClient.publish(Topics.SYNC_EVENTS, completed(id, syncId, Marketplace.AMAZON, cycleStart));

        // the sync-events consumer committed past the SyncCompleted: a sweep would have been noted by now
        Fixtures.awaitConsumed("connection-service.sync-history", Topics.SYNC_EVENTS);
        assertThat(sweepColumn(syncId, "recorded_at")).isNull();
        assertNoTombstone(Topics.PRODUCTS, Topics.recordKey(id.toString(), "A-A"));
        assertThat(indexed(id)).isEqualTo(1);
    }

    private static void assertNoTombstone(String topic, String key) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readAll(topic).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertThat(records).as("records of " + key).isNotEmpty().allMatch(r -> r.value() != null);
    }

    private static void lockIndexRow(Connection db, UUID id, String sku) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("select 1 from seen_records where connection_id = ? "
                + "and kind = 'product' and external_id = ? for update")) {
            lock.setObject(1, id);
            lock.setString(2, sku);
            try (ResultSet rs = lock.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    private static Object sweepColumn(UUID syncId, String column) {
        try (Connection db = Fixtures.jdbc(); PreparedStatement query = db.prepareStatement(
                "select " + column + " from listing_sweeps where sync_id = ?")) {
            query.setObject(1, syncId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SyncRequested request(UUID connectionId, UUID syncId, Marketplace marketplace, SyncMode mode) {
        String snapshot = Fixtures.awaitRecords(Topics.CONNECTIONS, connectionId.toString(), 1).getLast().value();
        return new SyncRequested(syncId, connectionId, TENANT, marketplace,
                Set.of(SyncScope.PRODUCTS, SyncScope.INVENTORY, SyncScope.ORDERS), mode, Map.of(),
                OrderLookback.THIRTY_DAYS, SyncTrigger.MANUAL, 1, Instant.now(), Json.read(snapshot, ConnectionSnapshot.class));
    }

    private static SyncCompleted completed(UUID connectionId, UUID syncId, Marketplace marketplace, Instant startedAt) {
        return new SyncCompleted(syncId, connectionId, TENANT, marketplace, SyncTrigger.MANUAL, 1,
                SyncOutcome.SUCCESS, startedAt, Instant.now(), new RecordCounts(2, 0, 2), Map.of(), null, null);
    }
}

package io.nexusconnect.connectionservice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.status.ConnectionStatusChanged;
import io.nexusconnect.contracts.status.Health;
import io.nexusconnect.contracts.sync.RecordCounts;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncProgress;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncStarted;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.nexusconnect.testinfra.SharedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 20's scenario on the real broker and the real (durable) PostgreSQL: the database stops while sync events,
 * status changes and Sync Now requests flow. Nothing valid may be dead-lettered or lost, the service must say it is
 * not ready (but alive), REST must answer 503 with Retry-After, and the consumers must catch up on their own.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class DatabaseOutageTest {
    private static final String TENANT = "t-outage";
    private static final int CONNECTIONS = 4;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    MeterRegistry metrics;

    /** One cycle as the adapter reports it: started, one progress, completed with its counts. */
    private record Cycle(UUID connectionId, UUID syncId, RecordCounts counts, Instant startedAt) {
    }

    @Test
    @DisplayName("PostgreSQL stopped mid-flow: 503 with Retry-After and readiness DOWN meanwhile; afterwards every cycle and latest status stored, only the malformed record dead-lettered")
    void outageLosesNothing() throws Exception {
        // given four connections, a cycle of each stored, and one accepted Sync Now
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            ids.add(Fixtures.createConnection(TENANT));
        }
        Set<String> keys = new HashSet<>(ids.stream().map(UUID::toString).toList());
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);
        List<Cycle> cycles = new ArrayList<>();
        int sent = 0;
        for (UUID id : ids) {
            sent += publishCycle(cycles, id, t0, 1);
        }
        as(TENANT).post("/api/connections/" + ids.getFirst() + "/sync").then().statusCode(202);
        Fixtures.awaitConsumed("connection-service.sync-history", Topics.SYNC_EVENTS);
        double transientBefore = retries(Topics.SYNC_EVENTS) + retries(Topics.CONNECTION_STATUS);

        // when PostgreSQL stops
        SharedInfra.stopPostgres();
        long stoppedAt = System.nanoTime();
        int sentBefore = sent;
        int syncNowRefused = 0;
        int statusSent = 0;
        Instant recoveredAt;
        long restartedAt;
        try {
            // then a Sync Now is answered 503 problem JSON with Retry-After, and readiness is DOWN while liveness is UP
            await().atMost(WAIT).until(() -> as(TENANT).post("/api/connections/" + ids.getFirst() + "/sync").statusCode() == 503);
            Response refused = as(TENANT).post("/api/connections/" + ids.getFirst() + "/sync");
            refused.then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5").body("status", equalTo(503)).body("title", equalTo("Service Unavailable"));
            syncNowRefused = 2;
            as(TENANT).body(Fixtures.createBody(Fixtures.amazonFields())).post("/api/connections").then().statusCode(503);
            await().atMost(WAIT).until(() -> given().get("/q/health/ready").statusCode() == 503);
            given().get("/q/health/live").then().statusCode(200);

            // while sync events (two more cycles per connection), status changes and more Sync Now requests flow
            for (UUID id : ids) {
                sent += publishCycle(cycles, id, t0, 2);
                sent += publishCycle(cycles, id, t0, 3);
                for (int change = 1; change <= 3; change++) {
                    KafkaTestClient.publish(Topics.CONNECTION_STATUS, status(id, change, t0));
                    statusSent++;
                }
                if (as(TENANT).post("/api/connections/" + id + "/sync").statusCode() == 503) {
                    syncNowRefused++;
                }
            }
            // and one deliberately malformed record among them
            KafkaTestClient.send(Topics.SYNC_EVENTS, ids.getLast().toString(), "{\"kind\":\"completed\",\"syncId\":", null);

            // then the consumers meet the outage and retry instead of dead-lettering
            await().atMost(WAIT).until(() -> retries(Topics.SYNC_EVENTS) > transientBefore
                    && retries(Topics.CONNECTION_STATUS) > 0);
        } finally {
            // when PostgreSQL comes back
            SharedInfra.startPostgres();
            restartedAt = System.nanoTime();
        }

        // then readiness is UP again and the consumers catch up on their own: every cycle with its counts
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        for (UUID id : ids) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    as(TENANT).get("/api/connections/" + id + "/syncs").then().statusCode(200).body("total", equalTo(3)));
        }
        long recoveredNanos = System.nanoTime() - restartedAt;
        recoveredAt = Instant.now();
        int stored = 0;
        for (UUID id : ids) {
            Response history = as(TENANT).get("/api/connections/" + id + "/syncs");
            for (Cycle cycle : cycles.stream().filter(c -> c.connectionId().equals(id)).toList()) {
                Map<String, Object> row = history.jsonPath().getMap("items.find { it.syncId == '" + cycle.syncId() + "' }");
                assertThat(row).as("cycle %s of %s", cycle.syncId(), id).isNotNull();
                assertThat(row.get("status")).isEqualTo("success");
                assertThat(history.jsonPath().getInt("items.find { it.syncId == '" + cycle.syncId() + "' }.counts.products"))
                        .isEqualTo((int) cycle.counts().products());
                assertThat(history.jsonPath().getInt("items.find { it.syncId == '" + cycle.syncId() + "' }.counts.orders"))
                        .isEqualTo((int) cycle.counts().orders());
                stored++;
            }
            // and every card shows the latest status change
            await().atMost(WAIT).untilAsserted(() -> as(TENANT).get("/api/connections/" + id).then()
                    .body("status", equalTo("rate_limited")).body("health", equalTo("degraded")));
        }

        // and the DLQs hold only the malformed record
        Fixtures.awaitRecords(Topics.dlq(Topics.SYNC_EVENTS), ids.getLast().toString(), 1);
        List<ConsumerRecord<String, String>> deadEvents = KafkaTestClient.readAll(Topics.dlq(Topics.SYNC_EVENTS)).stream()
                .filter(r -> keys.contains(r.key())).toList();
        List<ConsumerRecord<String, String>> deadStatus = KafkaTestClient.readAll(Topics.dlq(Topics.CONNECTION_STATUS)).stream()
                .filter(r -> keys.contains(r.key())).toList();
        assertThat(deadEvents).hasSize(1);
        assertThat(Fixtures.header(deadEvents.getFirst(), "dlq.reason")).startsWith("not a valid SyncEvent: value is not JSON");
        assertThat(deadStatus).isEmpty();

        // and nothing half-written: the refused requests left no command and no connection behind, new ones work
        as(TENANT).post("/api/connections/" + ids.getFirst() + "/sync").then().statusCode(202);
        List<ConsumerRecord<String, String>> commands = Fixtures.awaitRecords(Topics.SYNC_COMMANDS, ids.getFirst().toString(), 2);
        assertThat(commands).hasSize(2);
        as(TENANT).get("/api/connections").then().statusCode(200).body("size()", equalTo(CONNECTIONS));

        System.out.printf("database outage: sent %d sync events (%d during the outage) + %d status changes + 1 malformed; "
                        + "%d Sync Now answered 503; stored %d of %d cycles, latest status on %d of %d cards; dead-lettered %d; "
                        + "outage %d ms; recovered %d ms after PostgreSQL restarted (at %s)%n", sent, sent - sentBefore,
                statusSent, syncNowRefused, stored, cycles.size(), CONNECTIONS, CONNECTIONS,
                deadEvents.size() + deadStatus.size(), (restartedAt - stoppedAt) / 1_000_000, recoveredNanos / 1_000_000,
                recoveredAt);
    }

    private double retries(String topic) {
        Counter counter = metrics.find("nexus.consumer.retries").tag("topic", topic).tag("failure", "transient").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Publishes cycle {@code n} of {@code id}; returns the number of records sent. */
    private static int publishCycle(List<Cycle> cycles, UUID id, Instant t0, int n) {
        UUID syncId = UUID.randomUUID();
        Instant startedAt = t0.plusSeconds(600L * n);
        RecordCounts counts = new RecordCounts(10L * n, n, 10L * n);
        KafkaTestClient.publish(Topics.SYNC_EVENTS, new SyncStarted(syncId, id, TENANT, Marketplace.AMAZON,
                SyncTrigger.SCHEDULE, Set.of(SyncScope.PRODUCTS, SyncScope.ORDERS, SyncScope.INVENTORY), 1, startedAt));
        KafkaTestClient.publish(Topics.SYNC_EVENTS, new SyncProgress(syncId, id, TENANT, Marketplace.AMAZON,
                SyncScope.PRODUCTS, new RecordCounts(5L * n, 0, 0), startedAt.plusMillis(500)));
        KafkaTestClient.publish(Topics.SYNC_EVENTS, new SyncCompleted(syncId, id, TENANT, Marketplace.AMAZON,
                SyncTrigger.SCHEDULE, 1, SyncOutcome.SUCCESS, startedAt, startedAt.plusMillis(1_000L * n), counts, Map.of(),
                null, null));
        cycles.add(new Cycle(id, syncId, counts, startedAt));
        return 3;
    }

    /** Status change {@code n}: active, then error, then rate-limited (the latest), each newer than the one before. */
    private static ConnectionStatusChanged status(UUID id, int n, Instant t0) {
        ConnectionStatus status = switch (n) {
            case 1 -> ConnectionStatus.ACTIVE;
            case 2 -> ConnectionStatus.ERROR;
            default -> ConnectionStatus.RATE_LIMITED;
        };
        Health health = n == 3 ? Health.DEGRADED : Health.HEALTHY;
        Instant at = t0.plusSeconds(3000L + n);
        return new ConnectionStatusChanged(id, TENANT, Marketplace.AMAZON, status, null, health, null, null, null, null, at);
    }
}

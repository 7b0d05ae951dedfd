package io.nexusconnect.orchestrator.it;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.alert.Alert;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.status.ConnectionStatusChanged;
import io.nexusconnect.contracts.status.Health;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.orchestrator.Fixtures;
import io.nexusconnect.orchestrator.kafka.OrchestratorRuntime;
import io.nexusconnect.orchestrator.kafka.ShardMember;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class SchedulingFlowTest {
    private static final String TOKEN_EXPIRED = "The access token you provided has expired.";

    @Inject
    TestClock clock;
    @Inject
    OrchestratorRuntime runtime;

    private ShardMember member;

    @BeforeEach
    void ready() {
        member = Orchestrator.ready(runtime);
    }

    @Test
    @DisplayName("A new connection on nexus.connections.v1 gets a full first SyncRequested at once, with its lookback, no cursors and its sealed credentials")
    void firstSync() {
        UUID id = UUID.randomUUID();
        ConnectionSnapshot snapshot = Kafka.connection(id, ConnectionState.ACTIVE, SyncInterval.FIFTEEN_MINUTES, 1);
        Instant now = clock.instant();

        Kafka.publish(Topics.CONNECTIONS, snapshot);

        SyncRequested request = Kafka.requests(id, 1).getFirst();
        assertThat(request.mode()).isEqualTo(SyncMode.FULL);
        assertThat(request.trigger()).isEqualTo(SyncTrigger.SCHEDULE);
        assertThat(request.attempt()).isEqualTo(1);
        assertThat(request.cursors()).isEmpty();
        assertThat(request.lookback()).isEqualTo(OrderLookback.NINETY_DAYS);
        assertThat(request.scopes()).containsExactlyInAnyOrder(SyncScope.values());
        assertThat(request.requestedAt()).isEqualTo(now);
        assertThat(request.connection()).isEqualTo(snapshot);
        assertThat(Kafka.SEALER.open(id.toString(), request.connection().credentials())).isEqualTo(Kafka.SECRETS);
        ConsumerRecord<String, String> record = KafkaTestClient.readAll(Kafka.REQUESTS).stream()
                .filter(r -> id.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(record.value()).doesNotContain("Atzr|refresh-token", "amzn1.oa2-cs.v1.secret");
        assertThat(EventSchemas.strictViolations(SyncRequested.TYPE, record.value())).isEmpty();
        assertThat(KafkaTestClient.header(record, CloudEvents.TYPE)).isEqualTo(SyncRequested.TYPE);
        assertThat(KafkaTestClient.header(record, CloudEvents.SOURCE)).isEqualTo("/nexus/sync-orchestrator");

        ConnectionStatusChanged status = Kafka.status(id, s -> true);
        assertThat(status.status()).isEqualTo(ConnectionStatus.PENDING);
        assertThat(status.health()).isEqualTo(Health.UNKNOWN);
        assertThat(status.nextSyncAt()).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(EventSchemas.strictViolations(ConnectionStatusChanged.TYPE, Json.write(status))).isEmpty();
    }

    @Test
    @DisplayName("After a successful cycle the connection is active, and one interval later the next request carries the returned cursors")
    void successThenIncremental() {
        UUID id = UUID.randomUUID();
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(id, ConnectionState.ACTIVE, SyncInterval.FIFTEEN_MINUTES, 1));
        SyncRequested first = Kafka.requests(id, 1).getFirst();

        Kafka.publish(Topics.SYNC_EVENTS, Fixtures.started(first, clock.instant()));
        Kafka.publish(Topics.SYNC_EVENTS, Fixtures.succeeded(first, Fixtures.CURSORS, clock.instant()));

        ConnectionStatusChanged active = Kafka.status(id, s -> s.status() == ConnectionStatus.ACTIVE);
        assertThat(active.health()).isEqualTo(Health.HEALTHY);
        assertThat(active.lastSyncId()).isEqualTo(first.syncId());
        assertThat(active.nextSyncAt()).isEqualTo(first.requestedAt().plus(Duration.ofMinutes(15)));
        assertThat(active.error()).isNull();

        clock.advanceTo(first.requestedAt().plus(Duration.ofMinutes(14)));
        Orchestrator.tickedAt(member, clock);
        assertThat(Kafka.requests(id, 1)).as("not due before the interval").hasSize(1);

        clock.advanceTo(first.requestedAt().plus(Duration.ofMinutes(15)));
        SyncRequested next = Kafka.requests(id, 2).get(1);
        assertThat(next.mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(next.trigger()).isEqualTo(SyncTrigger.SCHEDULE);
        assertThat(next.cursors()).isEqualTo(Fixtures.CURSORS);
        assertThat(next.syncId()).isNotEqualTo(first.syncId());
    }

    @Test
    @DisplayName("TOKEN_EXPIRED puts the connection in error with the product page's texts, raises one alert, and (auto-reconnect on) requests one reconnect cycle")
    void tokenExpired() {
        UUID id = UUID.randomUUID();
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1));
        SyncRequested first = Kafka.requests(id, 1).getFirst();

        Kafka.publish(Topics.SYNC_EVENTS, Fixtures.failed(first, ErrorCode.TOKEN_EXPIRED, TOKEN_EXPIRED, null, clock.instant()));

        ConnectionStatusChanged status = Kafka.status(id, s -> s.status() == ConnectionStatus.ERROR);
        assertThat(status.error().code()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
        assertThat(status.error().title()).isEqualTo("Token expired");
        assertThat(status.error().message()).isEqualTo(TOKEN_EXPIRED);
        assertThat(status.error().resolution()).isEqualTo("Click Reconnect to re-run the OAuth flow");
        assertThat(status.health()).isEqualTo(Health.UNHEALTHY);
        assertThat(status.lastSyncId()).isEqualTo(first.syncId());
        assertThat(EventSchemas.strictViolations(ConnectionStatusChanged.TYPE, Json.write(status))).isEmpty();
        SyncRequested reconnect = Kafka.requests(id, 2).get(1);
        assertThat(reconnect.trigger()).isEqualTo(SyncTrigger.RECONNECT);
        assertThat(reconnect.syncId()).isEqualTo(first.syncId());
        assertThat(reconnect.attempt()).isEqualTo(2);

        Kafka.publish(Topics.SYNC_EVENTS, Fixtures.failed(reconnect, ErrorCode.TOKEN_EXPIRED, TOKEN_EXPIRED, null, clock.instant()));
        Kafka.status(id, s -> reconnect.syncId().equals(s.lastSyncId()) && s.status() == ConnectionStatus.ERROR);
        Orchestrator.tickedAt(member, clock);

        assertThat(Kafka.requests(id, 2)).as("the refresh did not help: the seller has to reconnect").hasSize(2);
        List<Alert> alerts = Kafka.alerts(id, 2);
        assertThat(alerts).extracting(Alert::kind).as("one per kind within the cooldown")
                .containsExactlyInAnyOrder(Alert.Kind.ERROR, Alert.Kind.UNHEALTHY);
        Alert error = alerts.stream().filter(a -> a.kind() == Alert.Kind.ERROR).findFirst().orElseThrow();
        assertThat(error.error().code()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
        assertThat(EventSchemas.strictViolations(Alert.TYPE, Json.write(error))).isEmpty();
    }

    @Test
    @DisplayName("A cycle that failed with RATE_LIMITED makes the connection rate_limited until the given time, then it is retried")
    void rateLimited() {
        UUID id = UUID.randomUUID();
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1));
        SyncRequested first = Kafka.requests(id, 1).getFirst();
        Instant until = clock.instant().plus(Duration.ofMinutes(10));

        Kafka.publish(Topics.SYNC_EVENTS, Fixtures.failed(first, ErrorCode.RATE_LIMITED, "You exceeded your quota", until, clock.instant()));

        ConnectionStatusChanged status = Kafka.status(id, s -> s.status() == ConnectionStatus.RATE_LIMITED);
        assertThat(status.rateLimitedUntil()).isEqualTo(until);
        assertThat(status.nextSyncAt()).isEqualTo(until);
        assertThat(status.error()).isNull();

        clock.advanceTo(until);
        SyncRequested retry = Kafka.requests(id, 2).get(1);
        assertThat(retry.syncId()).isEqualTo(first.syncId());
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.trigger()).isEqualTo(SyncTrigger.RETRY);
    }

    @Test
    @DisplayName("Sync Now while a cycle runs is not duplicated: it waits and runs as a manual full cycle right after the running one")
    void syncNowWhileRunning() {
        UUID id = UUID.randomUUID();
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1));
        SyncRequested first = Kafka.requests(id, 1).getFirst();
        Kafka.publish(Topics.SYNC_EVENTS, Fixtures.started(first, clock.instant()));

        Kafka.publish(Topics.SYNC_COMMANDS, Fixtures.syncNow(id, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/orchestrator/connections/" + id).then().statusCode(200)
                        .body("pending.trigger", equalTo("manual"))
                        .body("running.syncId", equalTo(first.syncId().toString())));
        Orchestrator.tickedAt(member, clock);
        assertThat(Kafka.requests(id, 1)).as("nothing while the first cycle runs").hasSize(1);

        Kafka.publish(Topics.SYNC_EVENTS, Fixtures.succeeded(first, Fixtures.CURSORS, clock.instant()));

        SyncRequested manual = Kafka.requests(id, 2).get(1);
        assertThat(manual.trigger()).isEqualTo(SyncTrigger.MANUAL);
        assertThat(manual.mode()).isEqualTo(SyncMode.FULL);
        assertThat(manual.syncId()).isNotEqualTo(first.syncId());
        Orchestrator.tickedAt(member, clock);
        assertThat(Kafka.requests(id, 2)).as("exactly one cycle for the Sync Now").hasSize(2);
    }

    @Test
    @DisplayName("A paused connection and a removed one get no requests: not on schedule, not on Sync Now")
    void pausedAndRemoved() {
        UUID active = UUID.randomUUID();
        int partition = Kafka.partitionOf(active);
        UUID paused = Kafka.connectionOnPartition(partition);
        UUID removed = Kafka.connectionOnPartition(partition);
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(paused, ConnectionState.PAUSED, SyncInterval.FIFTEEN_MINUTES, 1));
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(active, ConnectionState.ACTIVE, SyncInterval.FIFTEEN_MINUTES, 1));
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(removed, ConnectionState.ACTIVE, SyncInterval.FIFTEEN_MINUTES, 1));
        Kafka.publish(Topics.SYNC_EVENTS, Fixtures.succeeded(Kafka.requests(active, 1).getFirst(), Fixtures.CURSORS, clock.instant()));
        Kafka.publish(Topics.SYNC_EVENTS, Fixtures.succeeded(Kafka.requests(removed, 1).getFirst(), Fixtures.CURSORS, clock.instant()));
        Orchestrator.known(member, paused);
        Kafka.status(removed, s -> s.status() == ConnectionStatus.ACTIVE);

        Kafka.remove(removed);
        await().atMost(Duration.ofSeconds(30)).until(() -> Orchestrator.state(member, removed).isEmpty());
        // same partition: once the active connection's Sync Now ran, the two commands before it were handled
        Kafka.publish(Topics.SYNC_COMMANDS, Fixtures.syncNow(paused, clock.instant()));
        Kafka.publish(Topics.SYNC_COMMANDS, Fixtures.syncNow(removed, clock.instant()));
        Kafka.publish(Topics.SYNC_COMMANDS, Fixtures.syncNow(active, clock.instant()));
        assertThat(Kafka.requests(active, 2).get(1).trigger()).isEqualTo(SyncTrigger.MANUAL);
        clock.advance(Duration.ofDays(1));
        Orchestrator.tickedAt(member, clock);

        List<ConsumerRecord<String, String>> all = KafkaTestClient.readAll(Kafka.REQUESTS);
        assertThat(all).filteredOn(r -> paused.toString().equals(r.key())).isEmpty();
        assertThat(all).filteredOn(r -> removed.toString().equals(r.key())).hasSize(1);
        assertThat(Kafka.stateRecords(removed).getLast().value()).as("state tombstone").isNull();
        given().get("/orchestrator/connections/" + paused).then().statusCode(200)
                .body("state", equalTo("paused"))
                .body("nextSyncAt", nullValue());
    }

    @Test
    @DisplayName("A cycle without SyncCompleted within the cycle timeout is dead: error TIMEOUT, re-requested with trigger retry after a doubling backoff")
    void deadCycleRetriedWithBackoff() {
        UUID id = UUID.randomUUID();
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1));
        SyncRequested first = Kafka.requests(id, 1).getFirst();

        clock.advanceTo(first.requestedAt().plus(Duration.ofMinutes(30)));
        assertThat(Kafka.status(id, s -> s.status() == ConnectionStatus.ERROR).error().code()).isEqualTo(ErrorCode.TIMEOUT);
        clock.advance(Duration.ofMinutes(1));
        SyncRequested retry = Kafka.requests(id, 2).get(1);
        assertThat(retry.syncId()).isEqualTo(first.syncId());
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.trigger()).isEqualTo(SyncTrigger.RETRY);

        clock.advanceTo(retry.requestedAt().plus(Duration.ofMinutes(30)));
        Orchestrator.tickedAt(member, clock);
        assertThat(Kafka.requests(id, 2)).as("second backoff: 2 min").hasSize(2);
        clock.advance(Duration.ofMinutes(2));
        assertThat(Kafka.requests(id, 3).get(2).attempt()).isEqualTo(3);
    }

    @Test
    @DisplayName("Readiness is up once the shard and the stock fan-out are loaded; the debugging view answers bad and unknown ids with problem JSON")
    void healthAndView() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                        .body("checks.find { it.name == 'orchestrator-stock-fan-out' }.status", equalTo("UP")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/orchestrator/shard").then().statusCode(200).body("ready", equalTo(true))
                .body("partitions.size()", equalTo(Topics.DEFAULT_PARTITIONS));
        given().get("/orchestrator/connections/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().get("/orchestrator/connections/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}

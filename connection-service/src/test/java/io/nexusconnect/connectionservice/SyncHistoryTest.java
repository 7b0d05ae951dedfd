package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.RecordCounts;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncError;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncProgress;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncStarted;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class SyncHistoryTest {
    private static final String RAW = "{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested resource is denied.\"}]}";

    @Test
    @DisplayName("The sync events of two cycles become the sync log: newest first, counts by kind, status, duration and the raw error")
    void syncEventsBecomeHistory() {
        UUID id = Fixtures.createConnection("t1");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        UUID failed = UUID.randomUUID();
        UUID succeeded = UUID.randomUUID();

        KafkaTestClient.publish(Topics.SYNC_EVENTS, started(failed, id, t0));
        KafkaTestClient.publish(Topics.SYNC_EVENTS, progress(failed, id, new RecordCounts(40, 0, 0)));
        KafkaTestClient.publish(Topics.SYNC_EVENTS, new SyncCompleted(failed, id, "t1", Marketplace.AMAZON,
                SyncTrigger.SCHEDULE, 1, SyncOutcome.FAILED, t0, t0.plusMillis(4_250), new RecordCounts(40, 0, 0), Map.of(),
                SyncError.of(ErrorCode.INVALID_CREDENTIALS, "Access to requested resource is denied.", 403, RAW, "req-42"),
                null));
        Instant t1 = t0.plusSeconds(300);
        KafkaTestClient.publish(Topics.SYNC_EVENTS, started(succeeded, id, t1));
        KafkaTestClient.publish(Topics.SYNC_EVENTS, progress(succeeded, id, new RecordCounts(10, 2, 0)));
        // still running: the log shows it with the counts so far
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("t1").get("/api/connections/" + id + "/syncs").then().statusCode(200)
                        .body("total", equalTo(2))
                        .body("items[0].syncId", equalTo(succeeded.toString()))
                        .body("items[0].status", equalTo("running"))
                        .body("items[0].counts.products", equalTo(10)));

        KafkaTestClient.publish(Topics.SYNC_EVENTS, new SyncCompleted(succeeded, id, "t1", Marketplace.AMAZON,
                SyncTrigger.MANUAL, 1, SyncOutcome.SUCCESS, t1, t1.plusMillis(1_500), new RecordCounts(120, 7, 120),
                Map.of("orders.lastUpdatedAfter", t1.toString()), null, null));
        // a late, repeated start of the failed cycle must not reopen it
        KafkaTestClient.publish(Topics.SYNC_EVENTS, started(failed, id, t0));
        Fixtures.awaitConsumed("connection-service.sync-history", Topics.SYNC_EVENTS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("t1").get("/api/connections/" + id + "/syncs").then().statusCode(200)
                        .body("total", equalTo(2))
                        .body("items[0].syncId", equalTo(succeeded.toString()))
                        .body("items[0].status", equalTo("success"))
                        .body("items[0].durationMs", equalTo(1500))
                        .body("items[0].counts.products", equalTo(120))
                        .body("items[0].counts.orders", equalTo(7))
                        .body("items[0].counts.inventory", equalTo(120))
                        .body("items[0].error", nullValue())
                        .body("items[1].syncId", equalTo(failed.toString()))
                        .body("items[1].status", equalTo("failed"))
                        .body("items[1].trigger", equalTo("schedule"))
                        .body("items[1].startedAt", equalTo(t0.toString()))
                        .body("items[1].finishedAt", equalTo(t0.plusMillis(4_250).toString()))
                        .body("items[1].durationMs", equalTo(4250))
                        .body("items[1].counts.products", equalTo(40))
                        .body("items[1].error.code", equalTo("invalid_credentials"))
                        .body("items[1].error.title", equalTo("Invalid credentials"))
                        .body("items[1].error.httpStatus", equalTo(403))
                        .body("items[1].error.rawResponse", equalTo(RAW))
                        .body("items[1].error.requestId", equalTo("req-42")));

        as("t1").get("/api/connections/" + id + "/syncs?page=1&size=1").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(1)).body("total", equalTo(2))
                .body("items.size()", equalTo(1))
                .body("items[0].syncId", equalTo(failed.toString()));
        as("t1").get("/api/connections/" + id + "/syncs?size=500").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    @DisplayName("A retried cycle keeps one row that shows its latest attempt; a late event of the failed attempt changes nothing")
    void retryReopensTheCycle() {
        UUID id = Fixtures.createConnection("t1");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        UUID syncId = UUID.randomUUID();
        KafkaTestClient.publish(Topics.SYNC_EVENTS, started(syncId, id, t0));
        KafkaTestClient.publish(Topics.SYNC_EVENTS, new SyncCompleted(syncId, id, "t1", Marketplace.AMAZON,
                SyncTrigger.SCHEDULE, 1, SyncOutcome.FAILED, t0, t0.plusMillis(900), new RecordCounts(5, 0, 0), Map.of(),
                SyncError.of(ErrorCode.MARKETPLACE_UNAVAILABLE, "InternalFailure", 500, RAW, "req-1"), null));

        Instant t1 = t0.plusSeconds(60);
        KafkaTestClient.publish(Topics.SYNC_EVENTS, new SyncStarted(syncId, id, "t1", Marketplace.AMAZON,
                SyncTrigger.SCHEDULE, Set.of(SyncScope.PRODUCTS, SyncScope.ORDERS, SyncScope.INVENTORY), 2, t1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("t1").get("/api/connections/" + id + "/syncs").then().statusCode(200)
                        .body("total", equalTo(1))
                        .body("items[0].status", equalTo("running"))
                        .body("items[0].attempt", equalTo(2))
                        .body("items[0].startedAt", equalTo(t1.toString()))
                        .body("items[0].counts.products", equalTo(0))
                        .body("items[0].error", nullValue()));

        KafkaTestClient.publish(Topics.SYNC_EVENTS, new SyncCompleted(syncId, id, "t1", Marketplace.AMAZON,
                SyncTrigger.SCHEDULE, 2, SyncOutcome.SUCCESS, t1, t1.plusMillis(2_000), new RecordCounts(30, 4, 30),
                Map.of(), null, null));
        // the first attempt's start and failure arrive again (redelivery from another partition order)
        KafkaTestClient.publish(Topics.SYNC_EVENTS, started(syncId, id, t0));
        KafkaTestClient.publish(Topics.SYNC_EVENTS, new SyncCompleted(syncId, id, "t1", Marketplace.AMAZON,
                SyncTrigger.SCHEDULE, 1, SyncOutcome.FAILED, t0, t0.plusMillis(900), new RecordCounts(5, 0, 0), Map.of(),
                SyncError.of(ErrorCode.MARKETPLACE_UNAVAILABLE, "InternalFailure", 500, RAW, "req-1b"), null));
        Fixtures.awaitConsumed("connection-service.sync-history", Topics.SYNC_EVENTS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("t1").get("/api/connections/" + id + "/syncs").then().statusCode(200)
                        .body("total", equalTo(1))
                        .body("items[0].status", equalTo("success"))
                        .body("items[0].attempt", equalTo(2))
                        .body("items[0].durationMs", equalTo(2000))
                        .body("items[0].counts.orders", equalTo(4))
                        .body("items[0].error", nullValue()));
    }

    @Test
    @DisplayName("A connection without cycles has an empty sync log; an unknown one a 404")
    void emptyAndUnknown() {
        UUID id = Fixtures.createConnection("t1");
        as("t1").get("/api/connections/" + id + "/syncs").then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0));
        as("t1").get("/api/connections/" + UUID.randomUUID() + "/syncs").then().statusCode(404);
    }

    static SyncStarted started(UUID syncId, UUID connectionId, Instant at) {
        return new SyncStarted(syncId, connectionId, "t1", Marketplace.AMAZON, SyncTrigger.SCHEDULE,
                Set.of(SyncScope.PRODUCTS, SyncScope.ORDERS, SyncScope.INVENTORY), 1, at);
    }

    static SyncProgress progress(UUID syncId, UUID connectionId, RecordCounts counts) {
        return new SyncProgress(syncId, connectionId, "t1", Marketplace.AMAZON, SyncScope.PRODUCTS, counts, Instant.now());
    }
}

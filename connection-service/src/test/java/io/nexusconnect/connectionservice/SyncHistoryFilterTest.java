package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.RecordCounts;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncError;
import io.nexusconnect.contracts.sync.SyncOutcome;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class SyncHistoryFilterTest {

    @Test
    @DisplayName("The sync log filters by status and by a time range, and pages the filtered cycles")
    void filters() {
        UUID id = Fixtures.createConnection("t1");
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        UUID s1 = completed(id, t0, SyncOutcome.SUCCESS);
        UUID f1 = completed(id, t0.plus(1, ChronoUnit.HOURS), SyncOutcome.FAILED);
        UUID s2 = completed(id, t0.plus(2, ChronoUnit.HOURS), SyncOutcome.SUCCESS);
        UUID p1 = completed(id, t0.plus(3, ChronoUnit.HOURS), SyncOutcome.PARTIAL);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("t1").get("/api/connections/" + id + "/syncs").then().body("total", equalTo(4)));

        as("t1").get("/api/connections/" + id + "/syncs?status=success").then().statusCode(200)
                .body("total", equalTo(2)).body("items.syncId", equalTo(List.of(s2.toString(), s1.toString())));
        as("t1").get("/api/connections/" + id + "/syncs?status=failed,partial").then()
                .body("items.syncId", equalTo(List.of(p1.toString(), f1.toString())));
        as("t1").get("/api/connections/" + id + "/syncs?from=2026-03-01T01:00:00Z&to=2026-03-01T03:00:00Z").then()
                .body("items.syncId", equalTo(List.of(s2.toString(), f1.toString())));
        as("t1").get("/api/connections/" + id + "/syncs?status=success&from=2026-03-01T01:00:00Z&size=1&page=0").then()
                .body("total", equalTo(1)).body("items.syncId", equalTo(List.of(s2.toString())));
        as("t1").get("/api/connections/" + id + "/syncs?status=lost&from=yesterday&to=2026-01-01T00:00:00Z").then()
                .statusCode(400).body("errors.field", equalTo(List.of("status", "from")));
        as("t1").get("/api/connections/" + id + "/syncs?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z").then()
                .statusCode(400).body("errors.field", equalTo(List.of("to")));
    }

    @Test
    @DisplayName("A tenant without connections gets the empty state: an empty list")
    void emptyState() {
        as("t-nobody-" + UUID.randomUUID()).get("/api/connections").then().statusCode(200).body("size()", equalTo(0));
    }

    private static UUID completed(UUID connectionId, Instant start, SyncOutcome outcome) {
        UUID syncId = UUID.randomUUID();
        SyncError error = outcome == SyncOutcome.SUCCESS ? null
                : SyncError.of(ErrorCode.MARKETPLACE_UNAVAILABLE, "503 from the marketplace", 503, "{}", "req-1");
        KafkaTestClient.publish(Topics.SYNC_EVENTS, new SyncCompleted(syncId, connectionId, "t1", Marketplace.AMAZON,
                SyncTrigger.SCHEDULE, 1, outcome, start, start.plusSeconds(5), new RecordCounts(1, 1, 1), Map.of(), error,
                null));
        return syncId;
    }
}

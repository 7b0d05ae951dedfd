package io.nexusconnect.connectionservice;

import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class ConcurrentChangesTest {
    private static final String TENANT = "t-concurrent";

    @Test
    @DisplayName("A settings change that meets another change of the same connection is a 409 problem; the other change stands and nothing of the first is applied")
    void lostUpdateIsRefused() throws Exception {
        UUID id = Fixtures.createConnection(TENANT);
        try (Connection other = Fixtures.jdbc()) {
            // given: another writer has changed the row (new version) but not committed yet
            other.setAutoCommit(false);
            try (PreparedStatement change = other.prepareStatement(
                    "update connections set label = 'renamed elsewhere', version = version + 1 where id = ?")) {
                change.setObject(1, id);
                assertThat(change.executeUpdate()).isEqualTo(1);
            }
            // when: the API reads the committed row and its write waits for the other writer's row lock
            CompletableFuture<Response> settingsChange = CompletableFuture.supplyAsync(() -> as(TENANT)
                    .body(Map.of("syncInterval", "daily")).put("/api/connections/" + id + "/settings"));
            await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(100)).until(ConcurrentChangesTest::waitingForALock);
            other.commit();

            // then: its version check fails, and it says so
            settingsChange.get(30, SECONDS).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Conflict"))
                    .body("detail", containsString("changed by another request"));
        }
        as(TENANT).get("/api/connections/" + id).then().statusCode(200)
                .body("label", equalTo("renamed elsewhere"))
                .body("settings.syncInterval", equalTo("4h"));
    }

    private static boolean waitingForALock() throws Exception {
        try (Connection db = Fixtures.jdbc(); PreparedStatement query = db.prepareStatement("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and query ilike 'update connections%'""")) {
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }
}

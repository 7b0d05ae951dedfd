package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.status.ConnectionStatusChanged;
import io.nexusconnect.contracts.status.Health;
import io.nexusconnect.contracts.status.StatusError;
import io.nexusconnect.contracts.sync.ErrorCode;
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
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class ConnectionStatusTest {

    @Test
    @DisplayName("Status events from the orchestrator show on the card: active, then error with its diagnosis; an older event changes nothing")
    void statusEventsShowOnTheCard() {
        UUID id = Fixtures.createConnection("t1");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID lastSync = UUID.randomUUID();

        KafkaTestClient.publish(Topics.CONNECTION_STATUS, status(id, ConnectionStatus.ACTIVE, null, Health.HEALTHY, lastSync,
                t0.plusSeconds(3600), t0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("t1").get("/api/connections/" + id).then().statusCode(200)
                        .body("status", equalTo("active"))
                        .body("health", equalTo("healthy"))
                        .body("error", nullValue())
                        .body("lastSyncId", equalTo(lastSync.toString()))
                        .body("nextSyncAt", equalTo(t0.plusSeconds(3600).toString())));

        KafkaTestClient.publish(Topics.CONNECTION_STATUS, status(id, ConnectionStatus.ERROR,
                StatusError.of(ErrorCode.TOKEN_EXPIRED, "The access token expired"), Health.UNHEALTHY, lastSync,
                t0.plusSeconds(7200), t0.plusSeconds(60)));
        // an event from before the error, arriving late, must not hide it
        KafkaTestClient.publish(Topics.CONNECTION_STATUS, status(id, ConnectionStatus.ACTIVE, null, Health.HEALTHY, lastSync,
                t0.plusSeconds(3600), t0.plusSeconds(30)));
        // a status for the same id from another tenant is not applied
        KafkaTestClient.publish(Topics.CONNECTION_STATUS, new ConnectionStatusChanged(id, "t2", Marketplace.AMAZON,
                ConnectionStatus.RATE_LIMITED, null, Health.DEGRADED, null, null, null, null, t0.plusSeconds(90)));
        Fixtures.awaitConsumed("connection-service.connection-status", Topics.CONNECTION_STATUS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("t1").get("/api/connections/" + id).then().statusCode(200)
                        .body("status", equalTo("error"))
                        .body("health", equalTo("unhealthy"))
                        .body("error.code", equalTo("token_expired"))
                        .body("error.title", equalTo("Token expired"))
                        .body("error.message", equalTo("The access token expired"))
                        .body("error.resolution", equalTo("Click Reconnect to re-run the OAuth flow"))
                        .body("nextSyncAt", equalTo(t0.plusSeconds(7200).toString())));
    }

    @Test
    @DisplayName("Every error of the diagnostics table shows on the card with the cause and resolution of the product page, and health as the orchestrator judged it")
    void errorDiagnostics() {
        Map<ErrorCode, List<String>> table = Map.of(
                ErrorCode.TOKEN_EXPIRED, List.of("Token expired", "OAuth access token has expired",
                        "Click Reconnect to re-run the OAuth flow"),
                ErrorCode.INVALID_CREDENTIALS, List.of("Invalid credentials", "API key or secret is incorrect",
                        "Click Edit Credentials and re-enter"),
                ErrorCode.MARKETPLACE_UNAVAILABLE, List.of("Marketplace unavailable", "Marketplace API is down",
                        "Wait; the adapter retries automatically"),
                ErrorCode.ACCOUNT_SUSPENDED, List.of("Account suspended", "Seller account is suspended on the marketplace",
                        "Resolve suspension in the marketplace seller portal"),
                ErrorCode.SCOPE_MISSING, List.of("Scope missing", "The OAuth app lacks required permissions",
                        "Re-authorize with the correct scope set"));
        UUID id = Fixtures.createConnection("t1");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int step = 0;
        for (Map.Entry<ErrorCode, List<String>> row : table.entrySet()) {
            Instant at = t0.plusSeconds(++step);
            Health health = step % 2 == 0 ? Health.DEGRADED : Health.UNHEALTHY;
            KafkaTestClient.publish(Topics.CONNECTION_STATUS, status(id, ConnectionStatus.ERROR,
                    StatusError.of(row.getKey(), "detail " + step), health, null, at.plusSeconds(600), at));
            String message = "detail " + step;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("t1").get("/api/connections/" + id).then()
                    .body("status", equalTo("error"))
                    .body("health", equalTo(health.json()))
                    .body("error.code", equalTo(row.getKey().json()))
                    .body("error.message", equalTo(message))
                    .body("error.title", equalTo(row.getValue().get(0)))
                    .body("error.cause", equalTo(row.getValue().get(1)))
                    .body("error.resolution", equalTo(row.getValue().get(2))));
        }
        KafkaTestClient.publish(Topics.CONNECTION_STATUS, status(id, ConnectionStatus.RATE_LIMITED, null, Health.DEGRADED,
                null, null, t0.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("t1").get("/api/connections/" + id).then()
                .body("status", equalTo("rate_limited")).body("health", equalTo("degraded")).body("error", nullValue()));
    }

    private static ConnectionStatusChanged status(UUID id, ConnectionStatus status, StatusError error, Health health,
                                                  UUID lastSyncId, Instant nextSyncAt, Instant changedAt) {
        return new ConnectionStatusChanged(id, "t1", Marketplace.AMAZON, status, error, health,
                lastSyncId == null ? null : changedAt, lastSyncId, nextSyncAt, null, changedAt);
    }
}

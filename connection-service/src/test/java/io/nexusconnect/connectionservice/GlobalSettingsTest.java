package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class GlobalSettingsTest {

    @Test
    @DisplayName("A tenant that never changed its global settings sees the defaults")
    void defaults() {
        as("t-global-fresh").get("/api/settings").then().statusCode(200)
                .body("defaultSyncInterval", equalTo("1h"))
                .body("retryAttempts", equalTo(3))
                .body("retryBackoff", equalTo("PT1M"))
                .body("webhookSecretRotation", equalTo("P90D"))
                .body("alertCooldown", equalTo("PT1H"))
                .body("healthWindow", equalTo(10))
                .body("updatedAt", nullValue());
    }

    @Test
    @DisplayName("Changing the global settings re-publishes every connection of the tenant with the new policy, and new connections take the default interval")
    void changeRepublishes() {
        UUID first = Fixtures.createConnection("t-global");
        UUID second = Fixtures.createConnection("t-global");
        as("t-global").delete("/api/connections/" + second).then().statusCode(204);

        as("t-global").body(Map.of("defaultSyncInterval", "4h", "retryAttempts", 5, "retryBackoff", "PT30S",
                        "webhookSecretRotation", "P30D", "alertCooldown", "PT15M", "healthWindow", 20))
                .put("/api/settings").then().statusCode(200)
                .body("defaultSyncInterval", equalTo("4h"))
                .body("retryAttempts", equalTo(5))
                .body("updatedAt", notNullValue());

        List<ConsumerRecord<String, String>> snapshots = Fixtures.awaitRecords(Topics.CONNECTIONS, first.toString(), 2);
        ConnectionSnapshot latest = Json.read(snapshots.getLast().value(), ConnectionSnapshot.class);
        assertThat(latest.policy().retryAttempts()).isEqualTo(5);
        assertThat(latest.policy().retryBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(latest.policy().alertCooldown()).isEqualTo(Duration.ofMinutes(15));
        assertThat(latest.policy().webhookSecretRotation()).isEqualTo(Duration.ofDays(30));
        assertThat(latest.policy().healthWindow()).isEqualTo(20);
        assertThat(latest.policy().defaultSyncInterval()).isEqualTo(SyncInterval.FOUR_HOURS);
        assertThat(latest.version()).isGreaterThan(Json.read(snapshots.getFirst().value(), ConnectionSnapshot.class).version());
        // the removed connection stays forgotten: its tombstone is the last word
        List<ConsumerRecord<String, String>> removed = Fixtures.awaitRecords(Topics.CONNECTIONS, second.toString(), 2);
        assertThat(removed.getLast().value()).isNull();

        Map<String, Object> noInterval = Map.of("marketplace", "amazon", "fields", Fixtures.amazonFields());
        as("t-global").body(noInterval).post("/api/connections").then().statusCode(201)
                .body("settings.syncInterval", equalTo("4h"));
        as("t-global").get("/api/settings").then().body("healthWindow", equalTo(20));
    }

    @Test
    @DisplayName("Omitted global settings keep their value; bad ones are refused together, field by field")
    void validation() {
        as("t-global-2").body(Map.of("retryAttempts", 7)).put("/api/settings").then().statusCode(200)
                .body("retryAttempts", equalTo(7)).body("defaultSyncInterval", equalTo("1h"));

        as("t-global-2").body(Map.of("defaultSyncInterval", "5m", "retryAttempts", 0, "retryBackoff", "soon",
                        "webhookSecretRotation", "PT5H", "alertCooldown", "P30D", "healthWindow", 0))
                .put("/api/settings").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("defaultSyncInterval", "retryAttempts", "retryBackoff",
                        "alertCooldown", "webhookSecretRotation", "healthWindow")));
        as("t-global-2").get("/api/settings").then().body("retryAttempts", equalTo(7));
    }
}

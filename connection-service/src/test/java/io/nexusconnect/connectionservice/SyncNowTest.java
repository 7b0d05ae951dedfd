package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static io.nexusconnect.connectionservice.Fixtures.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class SyncNowTest {

    @Test
    @DisplayName("Sync Now (incremental unless mode=full) is accepted (202) and reaches nexus.sync-commands.v1 as SyncNowRequested, keyed by connection")
    void syncNowReachesTheOrchestratorTopic() {
        UUID id = Fixtures.createConnection("t1");

        Response accepted = as("t1").post("/api/connections/" + id + "/sync");
        accepted.then().statusCode(202).body("connectionId", equalTo(id.toString())).body("mode", equalTo("incremental"));
        as("t1").body(Map.of("mode", "full")).post("/api/connections/" + id + "/sync")
                .then().statusCode(202).body("mode", equalTo("full"));

        List<ConsumerRecord<String, String>> commands = Fixtures.awaitRecords(Topics.SYNC_COMMANDS, id.toString(), 2);
        assertThat(commands).hasSize(2);
        ConsumerRecord<String, String> first = commands.getFirst();
        assertThat(header(first, CloudEvents.TYPE)).isEqualTo(SyncNowRequested.TYPE);
        assertThat(header(first, CloudEvents.ID)).isEqualTo(accepted.jsonPath().getString("commandId"));
        assertThat(EventSchemas.strictViolations(SyncNowRequested.TYPE, first.value())).isEmpty();
        SyncNowRequested command = Json.read(first.value(), SyncNowRequested.class);
        assertThat(command.connectionId()).isEqualTo(id);
        assertThat(command.tenantId()).isEqualTo("t1");
        assertThat(command.trigger()).isEqualTo(SyncTrigger.MANUAL);
        assertThat(command.mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(Json.read(commands.get(1).value(), SyncNowRequested.class).mode()).isEqualTo(SyncMode.FULL);
    }

    @Test
    @DisplayName("Sync Now on an unknown connection is a 404, with an unknown mode a 400")
    void syncNowUnknown() {
        UUID unknown = UUID.randomUUID();
        as("t1").post("/api/connections/" + unknown + "/sync").then().statusCode(404);
        as("t1").body(Map.of("mode", "sometimes")).post("/api/connections/" + Fixtures.createConnection("t1") + "/sync")
                .then().statusCode(400).body("errors[0].field", equalTo("mode"));
    }
}

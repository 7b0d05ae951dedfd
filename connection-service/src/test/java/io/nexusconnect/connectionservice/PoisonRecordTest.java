package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class PoisonRecordTest {

    @Test
    @DisplayName("A record that is not a sync event goes to nexus.sync-events.v1.dlq with the reason, and the next record is still applied")
    void poisonGoesToTheDlq() {
        UUID id = Fixtures.createConnection("t1");
        String key = id.toString();
        KafkaTestClient.send(Topics.SYNC_EVENTS, key, "{\"kind\":\"started\",\"syncId\":\"not-a-uuid\"", null);
        KafkaTestClient.send(Topics.SYNC_EVENTS, key, "{\"kind\":\"teleported\"}", null);
        UUID syncId = UUID.randomUUID();
        KafkaTestClient.publish(Topics.SYNC_EVENTS, SyncHistoryTest.started(syncId, id, Instant.now()));

        List<ConsumerRecord<String, String>> dead = Fixtures.awaitRecords(Topics.dlq(Topics.SYNC_EVENTS), key, 2);
        assertThat(dead).hasSize(2);
        assertThat(Fixtures.header(dead.get(0), "dlq.reason")).startsWith("not a valid SyncEvent: value is not JSON");
        assertThat(Fixtures.header(dead.get(1), "dlq.reason")).isEqualTo("not a valid SyncEvent: unknown kind 'teleported'");
        assertThat(dead).allSatisfy(record -> {
            assertThat(Fixtures.header(record, "dlq.failure")).isEqualTo("poison");
            assertThat(Fixtures.header(record, "dlq.topic")).isEqualTo(Topics.SYNC_EVENTS);
            assertThat(Fixtures.header(record, "dlq.service")).isEqualTo("/nexus/connection-service");
        });
        assertThat(dead.get(1).value()).isEqualTo("{\"kind\":\"teleported\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("t1").get("/api/connections/" + id + "/syncs").then().statusCode(200)
                        .body("items[0].syncId", equalTo(syncId.toString()))
                        .body("items[0].status", equalTo("running")));
    }

    @Test
    @DisplayName("An unreadable Test Connection reply goes to nexus.connection-tests.replies.v1.dlq with the reason")
    void unreadableTestReplyGoesToTheDlq() {
        String key = UUID.randomUUID().toString();
        KafkaTestClient.send(Topics.CONNECTION_TEST_REPLIES, key, "{\"requestId\":", null);
        KafkaTestClient.send(Topics.CONNECTION_TEST_REPLIES, key, "{\"valid\":true}", null);

        List<ConsumerRecord<String, String>> dead = Fixtures.awaitRecords(Topics.dlq(Topics.CONNECTION_TEST_REPLIES), key, 2);
        assertThat(Fixtures.header(dead.get(0), "dlq.reason")).startsWith("not a valid ConnectionTestResult: value is not JSON");
        assertThat(Fixtures.header(dead.get(1), "dlq.reason"))
                .startsWith("not a valid ConnectionTestResult").contains("requestId");
    }
}

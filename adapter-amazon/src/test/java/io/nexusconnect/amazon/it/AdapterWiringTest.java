package io.nexusconnect.amazon.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** The adapter as deployed: consumer group, DLQ, classified failures before any marketplace call, readiness. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AmazonSimResource.class, restrictToAnnotatedClass = false)
class AdapterWiringTest {

    @Test
    @DisplayName("An unreadable sync request goes to the DLQ with its reason and the adapter stays ready")
    void poisonToDlq() {
        // given a record on the Amazon sync-requests topic that is not JSON
        String key = UUID.randomUUID().toString();
        KafkaTestClient.send(Topics.syncRequests(Marketplace.AMAZON), key, "<xml/>",
                CloudEvents.headers(SyncRequested.TYPE, "/test", key));

        // when the adapter consumes it, then it is dead-lettered with the reason
        ConsumerRecord<String, String> dead = KafkaTestClient.readUntil(Topics.dlq(Topics.syncRequests(Marketplace.AMAZON)),
                        records -> records.stream().anyMatch(r -> key.equals(r.key())), Cycles.WAIT).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(dead, "dlq.reason")).contains("not a valid SyncRequested");
        assertThat(KafkaTestClient.header(dead, "dlq.service")).isEqualTo("/nexus/adapter-amazon");

        // and the service is still ready
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    @DisplayName("A connection whose sealed credentials lack the refresh token fails its cycle as invalid credentials")
    void missingCredentialFieldFailsTheCycle() {
        // given a connection sealed without refreshToken
        var connection = Cycles.connection(UUID.randomUUID(),
                Map.of("sellingPartnerId", "A3NEXUSDEMO01", "marketplaceIds", "ATVPDKIKX0DER", "region", "NA"),
                Map.of("lwaClientId", "amzn1.application-oa2-client.abc12345", "lwaClientSecret", "0123456789abcdef0123"),
                ConnectionSettings.defaults());

        // when a cycle is requested
        SyncCompleted completed = Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.FULL, Map.of())));

        // then it failed as INVALID_CREDENTIALS naming the field, with nothing secret in the message
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(completed.error().code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(completed.error().message()).contains("refreshToken").doesNotContain("0123456789abcdef0123");
        assertThat(completed.cursors()).isEmpty();
    }

    @Test
    @DisplayName("After a cycle, /q/metrics shows the kit's metrics: calls by operation and outcome, token requests, cycle duration, records by kind")
    void metricsExposed() {
        // given a cycle of the simulator's demo seller has run
        SyncCompleted completed = Cycles.completed(Cycles.run(Cycles.request(Cycles.demoConnection(), SyncMode.FULL, Map.of())));
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.SUCCESS);

        // when the metrics endpoint is read
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        // then every kit metric of that cycle is there, tagged by marketplace, API, operation and outcome
        assertThat(metrics)
                .containsPattern("nexus_marketplace_calls_seconds_count\\{[^}]*api=\"sp-api\"[^}]*operation=\"getOrders\"[^}]*outcome=\"success\"")
                .containsPattern("nexus_token_requests_total\\{[^}]*endpoint=\"Login with Amazon\"[^}]*grant=\"refresh_token\"[^}]*outcome=\"success\"")
                .containsPattern("nexus_cycle_duration_seconds_count\\{[^}]*marketplace=\"amazon\"[^}]*outcome=\"success\"")
                .containsPattern("nexus_records_published_total\\{[^}]*kind=\"order\"")
                .containsPattern("nexus_consumer_lag\\{[^}]*group=\"adapter-amazon\"[^}]*topic=\"nexus.sync-requests.amazon.v1\"");
    }
}

package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class ConnectionTestingTest {

    @BeforeAll
    static void adapter() {
        TestAdapter.start();
    }

    @Test
    @DisplayName("Test Connection before saving: the adapter gets the sealed form over Kafka and its verdict comes back as the product page words it; nothing is saved")
    void unsavedFormIsValid() {
        Map<String, String> fields = Fixtures.amazonFields();
        int before = as("t-test").get("/api/connections").jsonPath().getList("id").size();

        Response response = as("t-test").body(Map.of("marketplace", "amazon", "fields", fields))
                .post("/api/connections/test");

        response.then().statusCode(200)
                .body("valid", equalTo(true))
                .body("marketplaceName", equalTo("Amazon US"))
                .body("sellerName", equalTo("Store of " + fields.get("sellingPartnerId")))
                .body("message", equalTo("Connection valid — marketplace: Amazon US\nSeller name: Store of "
                        + fields.get("sellingPartnerId")))
                .body("error", nullValue());
        assertThat(response.asString()).doesNotContain(Fixtures.secretsOf(fields));
        // what the adapter opened is exactly what was typed: sealed for the trip, never in clear on Kafka
        Map<String, String> opened = TestAdapter.openedIds().stream().map(TestAdapter::opened)
                .filter(m -> fields.get("refreshToken").equals(m.get("refreshToken"))).findFirst().orElseThrow();
        assertThat(opened).containsEntry("lwaClientSecret", fields.get("lwaClientSecret"));
        List<ConsumerRecord<String, String>> requests = testRequests();
        assertThat(requests).isNotEmpty();
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.value()).doesNotContain(fields.get("refreshToken"), fields.get("lwaClientSecret"));
            assertThat(EventSchemas.strictViolations(ConnectionTestRequested.TYPE, r.value())).isEmpty();
            assertThat(Fixtures.header(r, CloudEvents.TYPE)).isEqualTo(ConnectionTestRequested.TYPE);
        });
        assertThat(as("t-test").get("/api/connections").jsonPath().getList("id")).hasSize(before);
    }

    @Test
    @DisplayName("Test Connection with an expired token answers the classified error with the resolution of the diagnostics table")
    void classifiedError() {
        Map<String, String> fields = new HashMap<>(Fixtures.amazonFields());
        fields.put("refreshToken", "Atzr|IwEBIEXPIRED0123456789abcdef");

        as("t-test").body(Map.of("marketplace", "amazon", "fields", fields)).post("/api/connections/test").then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("error.code", equalTo("token_expired"))
                .body("error.title", equalTo("Token expired"))
                .body("error.message", equalTo("The access token expired"))
                .body("error.resolution", equalTo("Click Reconnect to re-run the OAuth flow"))
                .body("message", equalTo("Token expired: The access token expired"));
    }

    @Test
    @DisplayName("A bad form is refused with every offending field before anything is sent to an adapter")
    void invalidFormIsNotSent() {
        as("t-test").body(Map.of("marketplace", "amazon", "fields", Map.of("region", "MOON")))
                .post("/api/connections/test").then().statusCode(400)
                .body("errors.field", hasItem("fields.lwaClientId"))
                .body("errors.field", hasItem("fields.region"));
        as("t-test").body(Map.of("marketplace", "etsy", "fields", Map.of())).post("/api/connections/test").then()
                .statusCode(400).body("errors.field", hasItem("marketplace"));
    }

    @Test
    @DisplayName("When no adapter answers (Kaufland has none running), the test ends with a clear 504 problem after the bounded wait")
    void timeout() {
        Map<String, String> kaufland = Map.of("clientKey", "0123456789abcdef0123456789abcdef",
                "secretKey", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "storefront", "de");

        as("t-test").body(Map.of("marketplace", "kaufland", "fields", kaufland)).post("/api/connections/test").then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("title", equalTo("Gateway Timeout"))
                .body("detail", equalTo("no Kaufland adapter answered the connection test within 3 s; the adapter may be down, try again later"));
    }

    @Test
    @DisplayName("Testing a saved connection uses its stored credentials and shows the seller name as the account identifier")
    void savedConnection() {
        UUID id = Fixtures.createConnection("t-test");

        String seller = as("t-test").get("/api/connections/" + id).jsonPath().getString("accountId");

        as("t-test").post("/api/connections/" + id + "/test").then().statusCode(200)
                .body("valid", equalTo(true)).body("sellerName", equalTo("Store of " + seller));

        as("t-test").get("/api/connections/" + id).then().statusCode(200)
                .body("accountName", equalTo("Store of " + seller));
    }

    @Test
    @DisplayName("Reconnect re-runs the authentication, re-publishes the connection and queues an incremental sync; the history stays")
    void reconnect() {
        UUID id = Fixtures.createConnection("t1");
        UUID earlierCycle = UUID.randomUUID();
        KafkaTestClient.publish(Topics.SYNC_EVENTS, SyncHistoryTest.started(earlierCycle, id, Instant.now().minusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("t1").get("/api/connections/" + id + "/syncs")
                .then().body("total", equalTo(1)));
        long version = as("t1").get("/api/connections/" + id).jsonPath().getLong("version");

        as("t1").post("/api/connections/" + id + "/reconnect").then().statusCode(200)
                .body("valid", equalTo(true));

        List<ConsumerRecord<String, String>> commands = Fixtures.awaitRecords(Topics.SYNC_COMMANDS, id.toString(), 1);
        SyncNowRequested command = Json.read(commands.get(0).value(), SyncNowRequested.class);
        assertThat(command.trigger()).isEqualTo(SyncTrigger.RECONNECT);
        assertThat(command.mode().json()).isEqualTo("incremental");
        List<ConsumerRecord<String, String>> snapshots = Fixtures.awaitRecords(Topics.CONNECTIONS, id.toString(), 2);
        assertThat(snapshots).hasSize(2);
        as("t1").get("/api/connections/" + id).then().statusCode(200)
                .body("version", not(equalTo((int) version)))
                .body("accountName", equalTo("Store of " + as("t1").get("/api/connections/" + id).jsonPath().getString("accountId")));
        as("t1").get("/api/connections/" + id + "/syncs").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].syncId", equalTo(earlierCycle.toString()));
    }

    private static List<ConsumerRecord<String, String>> testRequests() {
        return KafkaTestClient.readAll(Topics.CONNECTION_TESTS);
    }
}

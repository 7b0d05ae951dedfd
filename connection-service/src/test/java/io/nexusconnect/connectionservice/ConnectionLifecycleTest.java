package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.nexusconnect.testinfra.SharedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static io.nexusconnect.connectionservice.Fixtures.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class ConnectionLifecycleTest {

    @Test
    @DisplayName("A seller adds an Amazon connection: 201 with masked credentials, only sealed secrets in PostgreSQL, "
            + "and the snapshot on nexus.connections.v1 with CloudEvents headers and sealed credentials")
    void createAmazonConnection() throws Exception {
        Map<String, String> fields = Fixtures.amazonFields();
        List<String> secrets = Fixtures.secretsOf(fields);

        Response created = as("t1").body(Fixtures.createBody(fields)).post("/api/connections");

        created.then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("marketplace", equalTo("amazon"))
                .body("status", equalTo("pending"))
                .body("state", equalTo("active"))
                .body("accountId", equalTo(fields.get("sellingPartnerId")))
                .body("properties.region", equalTo("NA"))
                .body("properties.marketplaceIds", equalTo("ATVPDKIKX0DER,A2EUQ1WTGCTBG2"))
                .body("credentials.lwaClientSecret", equalTo("****" + last4(fields.get("lwaClientSecret"))))
                .body("credentials.refreshToken", equalTo("****" + last4(fields.get("refreshToken"))))
                .body("settings.syncInterval", equalTo("4h"))
                .body("settings.inventoryBufferPercent", equalTo(10))
                .body("settings.currency", equalTo("USD"));
        secrets.forEach(secret -> assertThat(created.asString()).doesNotContain(secret));
        String id = created.jsonPath().getString("id");

        try (Connection db = Fixtures.jdbc();
             PreparedStatement row = db.prepareStatement("select row_to_json(c)::text from connections c where id = ?::uuid")) {
            row.setString(1, id);
            try (ResultSet rs = row.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String stored = rs.getString(1);
                assertThat(stored).contains("test-k1", "credentials_ciphertext", fields.get("sellingPartnerId")).doesNotContain(secrets.get(0), secrets.get(1), secrets.get(2));
            }
        }

        List<ConsumerRecord<String, String>> snapshots = Fixtures.awaitRecords(Topics.CONNECTIONS, id, 1);
        assertThat(snapshots).hasSize(1);
        ConsumerRecord<String, String> record = snapshots.getFirst();
        assertThat(header(record, CloudEvents.TYPE)).isEqualTo(ConnectionSnapshot.TYPE);
        assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/nexus/connection-service");
        assertThat(header(record, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, CloudEvents.ID))).isNotNull();
        assertThat(header(record, CloudEvents.TIME)).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        secrets.forEach(secret -> {
            assertThat(record.value()).doesNotContain(secret);
            record.headers().forEach(h -> assertThat(new String(h.value())).doesNotContain(secret));
        });
        assertThat(record.headers()).allSatisfy(h -> assertThat(h.key()).doesNotStartWith("__debezium"));
        assertThat(EventSchemas.strictViolations(ConnectionSnapshot.TYPE, record.value())).isEmpty();

        ConnectionSnapshot snapshot = Json.read(record.value(), ConnectionSnapshot.class);
        assertThat(snapshot.tenantId()).isEqualTo("t1");
        assertThat(snapshot.version()).isZero();
        assertThat(snapshot.properties()).containsEntry("sellingPartnerId", fields.get("sellingPartnerId")).doesNotContainKey("refreshToken");
        CredentialSealer adapterSide = new CredentialSealer(KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId()));
        assertThat(adapterSide.open(id, snapshot.credentials())).isEqualTo(Map.of(
                "lwaClientId", secrets.get(0), "lwaClientSecret", secrets.get(1), "refreshToken", secrets.get(2)));

        as("t1").get("/api/connections/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("credentials.lwaClientId", equalTo("****" + last4(fields.get("lwaClientId"))));
        as("t1").get("/api/connections").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    @DisplayName("An unknown connection id is a 404 problem")
    void unknownConnection() {
        as("t1").get("/api/connections/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    @DisplayName("A tenant without connections gets an empty list")
    void emptyList() {
        as("tenant-without-connections").get("/api/connections").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    @DisplayName("Changing settings, pausing and removing publish new snapshots with growing versions, then a tombstone")
    void changesAndRemoval() {
        UUID id = Fixtures.createConnection("t1");

        as("t1").body(Map.of("syncInterval", "daily", "inventoryBufferPercent", 25,
                        "syncWindow", Map.of("start", "08:00", "end", "20:00", "timeZone", "Europe/Berlin")))
                .put("/api/connections/" + id + "/settings").then().statusCode(200)
                .body("settings.syncInterval", equalTo("daily"))
                .body("settings.orderLookback", equalTo("30d"))
                .body("settings.syncWindow.timeZone", equalTo("Europe/Berlin"))
                .body("version", equalTo(1));
        as("t1").post("/api/connections/" + id + "/pause").then().statusCode(200)
                .body("state", equalTo("paused")).body("version", equalTo(2));
        as("t1").delete("/api/connections/" + id).then().statusCode(204);
        as("t1").get("/api/connections/" + id).then().statusCode(404);

        List<ConsumerRecord<String, String>> records = Fixtures.awaitRecords(Topics.CONNECTIONS, id.toString(), 4);
        assertThat(records).hasSize(4);
        List<ConnectionSnapshot> snapshots = records.subList(0, 3).stream()
                .map(r -> Json.read(r.value(), ConnectionSnapshot.class)).toList();
        assertThat(snapshots).extracting(ConnectionSnapshot::version).containsExactly(0L, 1L, 2L);
        assertThat(snapshots.get(1).settings().syncWindow().start().toString()).isEqualTo("08:00");
        assertThat(snapshots.get(2).state().json()).isEqualTo("paused");
        records.subList(0, 3).forEach(r -> assertThat(EventSchemas.strictViolations(ConnectionSnapshot.TYPE, r.value())).isEmpty());
        assertThat(records.get(3).value()).as("tombstone").isNull();
    }

    @Test
    @DisplayName("Edit Credentials seals the new secrets into a new snapshot; a bad form is refused field by field")
    void editCredentials() {
        UUID id = Fixtures.createConnection("t1");
        Map<String, String> renewed = Fixtures.amazonFields();
        renewed.put("sellingPartnerId", "A1NEWSELLER99");

        as("t1").body(Map.of("fields", Map.of("refreshToken", "nope"))).put("/api/connections/" + id + "/credentials")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems(
                        "fields.refreshToken", "fields.lwaClientId", "fields.region"));
        as("t1").body(Map.of("fields", renewed)).put("/api/connections/" + id + "/credentials").then().statusCode(200)
                .body("accountId", equalTo("A1NEWSELLER99"))
                .body("credentials.refreshToken", equalTo("****" + last4(renewed.get("refreshToken"))))
                .body("version", equalTo(1));

        List<ConsumerRecord<String, String>> records = Fixtures.awaitRecords(Topics.CONNECTIONS, id.toString(), 2);
        ConnectionSnapshot latest = Json.read(records.get(1).value(), ConnectionSnapshot.class);
        Fixtures.secretsOf(renewed).forEach(secret -> assertThat(records.get(1).value()).doesNotContain(secret));
        CredentialSealer adapterSide = new CredentialSealer(KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId()));
        assertThat(adapterSide.open(id.toString(), latest.credentials())).containsEntry("refreshToken", renewed.get("refreshToken"));
        assertThat(latest.accountId()).isEqualTo("A1NEWSELLER99");
    }

    private static String last4(String value) {
        return value.substring(value.length() - 4);
    }
}

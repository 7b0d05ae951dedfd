package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.security.SealedSecret;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.nexusconnect.testinfra.SharedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class KeyRotationTest {
    private static final String OLD_KEY = "test-k0";

    @Test
    @DisplayName("Key rotation: a connection still sealed with the old key keeps working, and re-sealing moves it to the primary key and re-publishes it")
    void resealMovesToPrimaryKey() throws Exception {
        Map<String, String> fields = Fixtures.amazonFields();
        UUID id = UUID.fromString(as("t-keys").body(Fixtures.createBody(fields)).post("/api/connections")
                .then().statusCode(201).extract().path("id"));
        // given: the row as an earlier deployment, whose primary key was test-k0, sealed it
        CredentialSealer oldDeployment = new CredentialSealer(KeyRing.parse(SharedInfra.keyRingSpec(), OLD_KEY));
        SealedSecret old = oldDeployment.seal(id.toString(), Map.of("lwaClientId", fields.get("lwaClientId"),
                "lwaClientSecret", fields.get("lwaClientSecret"), "refreshToken", fields.get("refreshToken")));
        try (Connection db = Fixtures.jdbc(); PreparedStatement update = db.prepareStatement(
                "update connections set credentials_key_id = ?, credentials_nonce = ?, credentials_ciphertext = ? where id = ?")) {
            update.setString(1, old.keyId());
            update.setString(2, old.nonce());
            update.setString(3, old.ciphertext());
            update.setObject(4, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        // the service still serves it meanwhile: no downtime while the ring holds both keys
        as("t-keys").get("/api/connections/" + id).then().statusCode(200);

        as("t-keys").post("/api/credentials/reseal").then().statusCode(200)
                .body("resealed", equalTo(1)).body("primaryKeyId", equalTo(SharedInfra.primaryKeyId()));

        try (Connection db = Fixtures.jdbc(); PreparedStatement select = db.prepareStatement(
                "select credentials_key_id from connections where id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(SharedInfra.primaryKeyId());
            }
        }
        List<ConsumerRecord<String, String>> snapshots = Fixtures.awaitRecords(Topics.CONNECTIONS, id.toString(), 2);
        ConnectionSnapshot latest = Json.read(snapshots.getLast().value(), ConnectionSnapshot.class);
        assertThat(latest.credentials().keyId()).isEqualTo(SharedInfra.primaryKeyId());
        CredentialSealer adapterSide = new CredentialSealer(KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId()));
        assertThat(adapterSide.open(id.toString(), latest.credentials())).containsEntry("refreshToken", fields.get("refreshToken"));
        // nothing left to do: a second run re-seals nothing
        as("t-keys").post("/api/credentials/reseal").then().statusCode(200).body("resealed", equalTo(0));
    }
}

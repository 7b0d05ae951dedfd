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
        // given: the row as an earlier deployment, whose primary key was test-k0, sealed it
        OldRow row = sealedWithOldKey("t-keys");
        UUID id = row.id();
        // the service still serves it meanwhile: no downtime while the ring holds both keys
        as("t-keys").get("/api/connections/" + id).then().statusCode(200);

        as("t-keys").post("/api/credentials/reseal").then().statusCode(200)
                .body("resealed", equalTo(1)).body("primaryKeyId", equalTo(SharedInfra.primaryKeyId()));

        assertThat(keyIdOf(id)).isEqualTo(SharedInfra.primaryKeyId());
        List<ConsumerRecord<String, String>> snapshots = Fixtures.awaitRecords(Topics.CONNECTIONS, id.toString(), 2);
        ConnectionSnapshot latest = Json.read(snapshots.getLast().value(), ConnectionSnapshot.class);
        assertThat(latest.credentials().keyId()).isEqualTo(SharedInfra.primaryKeyId());
        CredentialSealer adapterSide = new CredentialSealer(KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId()));
        assertThat(adapterSide.open(id.toString(), latest.credentials())).containsEntry("refreshToken", row.fields().get("refreshToken"));
        // nothing left to do: a second run re-seals nothing
        as("t-keys").post("/api/credentials/reseal").then().statusCode(200).body("resealed", equalTo(0));
    }

    @Test
    @DisplayName("A row another transaction holds is skipped by the re-seal, not waited for, and the next run takes it")
    void lockedRowIsLeftToTheNextRun() throws Exception {
        String tenant = "t-keys-locked";
        UUID free = sealedWithOldKey(tenant).id();
        UUID locked = sealedWithOldKey(tenant).id();
        try (Connection other = Fixtures.jdbc()) {
            // given: another replica's re-seal (or an edit) holds the row
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from connections where id = ? for update")) {
                lock.setObject(1, locked);
                lock.executeQuery().close();
            }
            // when / then: this run re-seals the free row only
            as(tenant).post("/api/credentials/reseal").then().statusCode(200).body("resealed", equalTo(1));
            assertThat(keyIdOf(free)).isEqualTo(SharedInfra.primaryKeyId());
            assertThat(keyIdOf(locked)).isEqualTo(OLD_KEY);
            other.rollback();
        }
        as(tenant).post("/api/credentials/reseal").then().statusCode(200).body("resealed", equalTo(1));
        assertThat(keyIdOf(locked)).isEqualTo(SharedInfra.primaryKeyId());
    }

    record OldRow(UUID id, Map<String, String> fields) {
    }

    /** A connection created through the API whose row is then sealed as an earlier deployment (primary key test-k0) did. */
    private static OldRow sealedWithOldKey(String tenant) throws Exception {
        Map<String, String> fields = Fixtures.amazonFields();
        UUID id = UUID.fromString(as(tenant).body(Fixtures.createBody(fields)).post("/api/connections")
                .then().statusCode(201).extract().path("id"));
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
        return new OldRow(id, fields);
    }

    private static String keyIdOf(UUID id) throws Exception {
        try (Connection db = Fixtures.jdbc(); PreparedStatement select = db.prepareStatement(
                "select credentials_key_id from connections where id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}

package io.nexusconnect.adapterkit.credentials;

import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.security.SealedSecret;
import io.nexusconnect.contracts.sync.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialOpenerTest {
    private static final String SECRET = "amzn1.oa2-cs.v1.0123456789abcdefSECRET";

    private static String ring(String id) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    private static ConnectionSnapshot snapshot(UUID id, SealedSecret sealed) {
        return new ConnectionSnapshot(id, "tenant-1", Marketplace.AMAZON, "A3NEXUSDEMO01", "US", Map.of("region", "NA"),
                ConnectionState.ACTIVE, ConnectionSettings.defaults(), TenantPolicy.defaults(), sealed, 1, Instant.now());
    }

    @Test
    @DisplayName("Credentials sealed by connection-service's key ring open to masked secrets with a stable fingerprint")
    void opensWithSharedKeyRing() {
        // given credentials sealed with a two-key ring whose primary is k2
        String keys = ring("k1") + "," + ring("k2");
        UUID id = UUID.randomUUID();
        SealedSecret sealed = new CredentialSealer(KeyRing.parse(keys, "k2"))
                .seal(id.toString(), Map.of("lwaClientSecret", SECRET, "refreshToken", "Atzr|refresh-token-value-123"));

        // when the adapter opens them with the same configuration
        ConnectionCredentials opened = CredentialOpener.fromConfig(keys, "k2").open(snapshot(id, sealed));

        // then the values are there, printing masks them, and the fingerprint hides them but is stable
        assertThat(opened.require("lwaClientSecret").reveal()).isEqualTo(SECRET);
        assertThat(opened.toString()).doesNotContain("SECRET").doesNotContain("refresh-token-value");
        assertThat(opened.fingerprint()).doesNotContain("SECRET").isEqualTo(opened.fingerprint());
        assertThatThrownBy(() -> opened.require("lwaClientId"))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS));
    }

    @Test
    @DisplayName("Credentials sealed with a key the adapter lacks fail as INTERNAL, naming only the key id")
    void unknownKeyIsAnOperatorProblem() {
        // given credentials sealed with another ring
        UUID id = UUID.randomUUID();
        SealedSecret sealed = new CredentialSealer(KeyRing.parse(ring("other"), "other"))
                .seal(id.toString(), Map.of("lwaClientSecret", SECRET));

        // when opened with ours, then the error is INTERNAL and carries no secret
        assertThatThrownBy(() -> CredentialOpener.fromConfig(ring("k1"), "k1").open(snapshot(id, sealed)))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(e.getMessage()).contains("'other'").doesNotContain(SECRET);
                });
    }
}

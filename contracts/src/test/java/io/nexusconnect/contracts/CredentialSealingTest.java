package io.nexusconnect.contracts;

import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.security.SealedSecret;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialSealingTest {
    private static final Map<String, String> SECRETS = Map.of("lwaClientSecret", "amzn1.oa2-cs.v1.supersecretvalue", "refreshToken", "Atzr|refresh");

    private static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private final String k1 = key();
    private final String k2 = key();

    @Test
    @DisplayName("Sealed credentials open to the same values, and the envelope holds no clear text")
    void sealAndOpen() {
        CredentialSealer sealer = new CredentialSealer(KeyRing.parse("k1:" + k1, "k1"));

        SealedSecret sealed = sealer.seal("conn-1", SECRETS);

        assertThat(Json.write(sealed)).doesNotContain("supersecretvalue").doesNotContain("Atzr|refresh");
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealer.open("conn-1", sealed)).isEqualTo(SECRETS);
    }

    @Test
    @DisplayName("A sealed blob moved to another connection does not open (the connection id is bound)")
    void boundToConnection() {
        CredentialSealer sealer = new CredentialSealer(KeyRing.parse("k1:" + k1, "k1"));
        SealedSecret sealed = sealer.seal("conn-1", SECRETS);

        assertThatThrownBy(() -> sealer.open("conn-2", sealed))
                .isInstanceOf(CredentialSealer.SealingException.class)
                .hasMessageNotContaining("supersecret");
    }

    @Test
    @DisplayName("Key rotation: after a new primary key, old blobs still open and re-sealing moves them to the new key")
    void rotation() {
        SealedSecret old = new CredentialSealer(KeyRing.parse("k1:" + k1, "k1")).seal("conn-1", SECRETS);
        CredentialSealer rotated = new CredentialSealer(KeyRing.parse("k1:" + k1 + ",k2:" + k2, "k2"));

        SealedSecret resealed = rotated.reseal("conn-1", old);

        assertThat(rotated.open("conn-1", old)).isEqualTo(SECRETS);
        assertThat(resealed.keyId()).isEqualTo("k2");
        assertThat(rotated.open("conn-1", resealed)).isEqualTo(SECRETS);
    }

    @Test
    @DisplayName("A key ring without the sealing key says which key id is missing, never the key material")
    void missingKey() {
        SealedSecret sealed = new CredentialSealer(KeyRing.parse("k1:" + k1, "k1")).seal("conn-1", SECRETS);
        CredentialSealer other = new CredentialSealer(KeyRing.parse("k2:" + k2, "k2"));

        assertThatThrownBy(() -> other.open("conn-1", sealed)).hasMessageContaining("'k1'").hasMessageNotContaining(k1);
    }

    @Test
    @DisplayName("Keys that are not 256-bit are refused at start-up")
    void keyLength() {
        assertThatThrownBy(() -> KeyRing.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16]), "k1"))
                .hasMessageContaining("256 bits");
    }
}

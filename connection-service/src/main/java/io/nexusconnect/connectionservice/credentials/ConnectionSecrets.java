package io.nexusconnect.connectionservice.credentials;

import io.nexusconnect.connectionservice.connection.ConnectionEntity;
import io.nexusconnect.connectionservice.webhook.WebhookSecretFields;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.Masking;
import io.nexusconnect.contracts.security.SealedSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection row's secret fields, opened only where a change needs the current values (Edit Credentials keeping a
 * generated secret, a rotation) and sealed back into the row with their masked form. The masked form leaves out the
 * {@code <field>Previous} values of an overlap: the API shows the rotation facts instead.
 */
@ApplicationScoped
public class ConnectionSecrets {
    @Inject
    CredentialSealer sealer;

    public Map<String, String> open(ConnectionEntity c) {
        return sealer.open(c.id.toString(), new SealedSecret(c.credentialsKeyId, SealedSecret.AES_256_GCM,
                c.credentialsNonce, c.credentialsCiphertext));
    }

    public void seal(ConnectionEntity c, Map<String, String> secrets) {
        SealedSecret sealed = sealer.seal(c.id.toString(), secrets);
        Map<String, String> masked = new LinkedHashMap<>();
        secrets.forEach((name, value) -> {
            if (!name.endsWith(WebhookSecretFields.PREVIOUS_SUFFIX)) {
                masked.put(name, Masking.mask(value));
            }
        });
        c.credentialsKeyId = sealed.keyId();
        c.credentialsNonce = sealed.nonce();
        c.credentialsCiphertext = sealed.ciphertext();
        c.credentialsMasked = masked;
    }
}

package io.nexusconnect.connectionservice.credentials;

import io.nexusconnect.contracts.connection.CredentialSchema;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.Masking;
import io.nexusconnect.contracts.security.SealedSecret;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The secret fields of a connection after sealing: the envelope that is stored and published, and the masked form the
 * API shows. The clear values do not outlive {@link #seal}.
 */
public record SealedCredentials(SealedSecret sealed, Map<String, String> masked) {

    public static SealedCredentials seal(CredentialSealer sealer, CredentialSchema schema, UUID connectionId,
                                         Map<String, String> submitted) {
        Map<String, String> secrets = schema.secrets(submitted);
        Map<String, String> masked = new LinkedHashMap<>();
        secrets.forEach((name, value) -> masked.put(name, Masking.mask(value)));
        return new SealedCredentials(sealer.seal(connectionId.toString(), secrets), masked);
    }

    @Override
    public String toString() {
        return "SealedCredentials[" + sealed + ", fields=" + masked.keySet() + "]";
    }
}

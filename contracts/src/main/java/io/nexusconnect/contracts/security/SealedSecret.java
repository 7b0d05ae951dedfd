package io.nexusconnect.contracts.security;

/**
 * Credentials sealed with AES-256-GCM: the id of the key that sealed them, the 96-bit nonce and the ciphertext with
 * its tag, both base64. The connection id is bound as associated data, so a sealed blob cannot be moved to another
 * connection. This is the only form in which credentials exist in PostgreSQL and on Kafka.
 */
public record SealedSecret(String keyId, String algorithm, String nonce, String ciphertext) {
    public static final String AES_256_GCM = "AES-256-GCM";

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + ", " + algorithm + "]";
    }
}

package io.nexusconnect.contracts.security;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nexusconnect.contracts.kafka.Json;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** Seals and opens credential maps with the key ring (AES-256-GCM, 96-bit random nonce, 128-bit tag). */
public final class CredentialSealer {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyRing keyRing;

    public CredentialSealer(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    public SealedSecret seal(String connectionId, Map<String, String> credentials) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] plaintext = Json.write(new TreeMap<>(credentials)).getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyRing.primaryKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            Base64.Encoder b64 = Base64.getEncoder();
            return new SealedSecret(keyRing.primaryKeyId(), SealedSecret.AES_256_GCM, b64.encodeToString(nonce),
                    b64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new SealingException("cannot seal credentials of connection " + connectionId, e);
        }
    }

    public Map<String, String> open(String connectionId, SealedSecret sealed) {
        if (sealed == null) {
            throw new SealingException("connection " + connectionId + " has no sealed credentials", null);
        }
        var key = keyRing.key(sealed.keyId()).orElseThrow(() ->
                new SealingException("credentials of connection " + connectionId + " are sealed with key '"
                        + sealed.keyId() + "', which is not in the key ring", null));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(sealed.nonce())));
            cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
            byte[] plaintext = cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext()));
            return Json.mapper().readValue(plaintext, new TypeReference<Map<String, String>>() { });
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            // the cause carries no plaintext: GCM fails before anything is decoded
            throw new SealingException("credentials of connection " + connectionId + " cannot be opened (wrong key or tampered)", e);
        }
    }

    /** Re-seals with the primary key; a no-op result when it already is. Used by key rotation. */
    public SealedSecret reseal(String connectionId, SealedSecret sealed) {
        if (keyRing.primaryKeyId().equals(sealed.keyId())) {
            return sealed;
        }
        return seal(connectionId, open(connectionId, sealed));
    }

    public KeyRing keyRing() {
        return keyRing;
    }

    public static final class SealingException extends RuntimeException {
        public SealingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

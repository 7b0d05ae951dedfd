package io.nexusconnect.sims.ebay.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.UUID;

/**
 * eBay's notification signing key: an EC P-256 pair made at start under a random key id. {@code X-EBAY-SIGNATURE} is
 * base64 of {@code {"alg":"ecdsa","kid":…,"signature":base64(DER SHA1withECDSA over the body),"digest":"SHA1"}};
 * getPublicKey answers the public half as X.509 SubjectPublicKeyInfo base64 between PEM armour, on one line.
 */
public final class NotificationSigner {
    public static final String ALGORITHM = "ECDSA";
    public static final String DIGEST = "SHA1";

    private final String keyId = UUID.randomUUID().toString();
    private final KeyPair pair;

    public NotificationSigner() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 in this JVM", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The value of {@code X-EBAY-SIGNATURE} for exactly these body bytes. */
    public String signatureHeader(byte[] body) {
        try {
            Signature signer = Signature.getInstance(DIGEST + "with" + ALGORITHM);
            signer.initSign(pair.getPrivate());
            signer.update(body);
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            String json = "{\"alg\":\"ecdsa\",\"kid\":\"" + keyId + "\",\"signature\":\"" + signature
                    + "\",\"digest\":\"" + DIGEST + "\"}";
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** The public key as getPublicKey's {@code key} field carries it. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
                + "-----END PUBLIC KEY-----";
    }
}

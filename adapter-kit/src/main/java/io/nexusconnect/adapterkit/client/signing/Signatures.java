package io.nexusconnect.adapterkit.client.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The signature primitives marketplaces use for requests and webhooks: HMAC-SHA256 (Kaufland requests, Shopify and
 * Walmart webhooks), SHA256withRSA (Walmart's legacy request signature), SHA-256 digests and constant-time comparison.
 * Failures say which step failed and never carry the key or the signed text.
 */
public final class Signatures {
    private Signatures() {
    }

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 could not be computed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Lowercase hex of HMAC-SHA256, as PHP's {@code hash_hmac('sha256', …)} writes it. */
    public static String hmacSha256Hex(String key, String message) {
        return HexFormat.of().formatHex(hmacSha256(key.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8)));
    }

    public static String hmacSha256Base64(byte[] key, byte[] message) {
        return Base64.getEncoder().encodeToString(hmacSha256(key, message));
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available");
        }
    }

    /** Base64 of a SHA256withRSA signature over the UTF-8 text. */
    public static String rsaSha256Base64(PrivateKey key, String message) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA signing failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static boolean rsaSha256Verify(PublicKey key, String message, String base64Signature) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * An RSA private key from PKCS#8, given as PEM (with or without the armor) or bare base64, as Walmart's portal
     * hands it out.
     */
    public static PrivateKey rsaPrivateKey(String pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(pkcs8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the private key is not a PKCS#8 RSA key");
        }
    }

    public static PublicKey rsaPublicKey(String x509) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem(x509)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key is not an X.509 RSA key");
        }
    }

    /** Compares in constant time, so a webhook verifier does not leak how much of a signature matched. */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] pem(String text) {
        String base64 = text.replaceAll("-----(BEGIN|END)[A-Z ]*-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}

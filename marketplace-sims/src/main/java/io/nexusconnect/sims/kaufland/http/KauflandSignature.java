package io.nexusconnect.sims.kaufland.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Kaufland's request signature: lowercase hex HMAC-SHA256, keyed with the secret key, over
 * {@code METHOD\nURI\nBODY\nTIMESTAMP} where URI is the full URL with the query string as sent and BODY the exact
 * body (empty for GET). Source: https://sellerapi.kaufland.com/?page=rest-api and ?page=code-examples.
 */
public final class KauflandSignature {
    private KauflandSignature() {
    }

    public static String sign(String secretKey, String method, String uri, byte[] body, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((method + "\n" + uri + "\n").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            mac.update(("\n" + timestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison, case-insensitive hex as PHP's {@code hash_hmac} output may be compared. */
    public static boolean matches(String expected, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}

package io.nexusconnect.kaufland.client;

import io.nexusconnect.adapterkit.client.RequestSigner;
import io.nexusconnect.adapterkit.client.signing.Signatures;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Kaufland's request signature, computed for every attempt (a retry carries a fresh timestamp):
 * {@code Shop-Signature = hex(HMAC-SHA256(secretKey, METHOD\nURI\nBODY\nTIMESTAMP))} with URI the full URL including
 * the query string exactly as sent and BODY the exact body (empty for GET); {@code Shop-Timestamp} in Unix seconds.
 * Source: https://sellerapi.kaufland.com/?page=rest-api and ?page=code-examples.
 */
public final class KauflandSigner implements RequestSigner {
    private final String clientKey;
    private final String secretKey;

    public KauflandSigner(String clientKey, String secretKey) {
        this.clientKey = clientKey;
        this.secretKey = secretKey;
    }

    /** The string to sign; public so the known-answer test shows exactly what is signed. */
    public static String stringToSign(String method, String uri, byte[] body, long timestamp) {
        return method + "\n" + uri + "\n" + new String(body, StandardCharsets.UTF_8) + "\n" + timestamp;
    }

    public static String signature(String secretKey, String method, String uri, byte[] body, long timestamp) {
        return Signatures.hmacSha256Hex(secretKey, stringToSign(method, uri, body, timestamp));
    }

    @Override
    public Map<String, String> sign(OutgoingAttempt attempt, Clock clock) {
        long timestamp = clock.instant().getEpochSecond();
        return Map.of("Shop-Client-Key", clientKey,
                "Shop-Timestamp", Long.toString(timestamp),
                "Shop-Signature", signature(secretKey, attempt.method(), attempt.url(), attempt.body(), timestamp));
    }

    @Override
    public String toString() {
        return "KauflandSigner[clientKey=" + clientKey + ", secretKey=***]";
    }
}

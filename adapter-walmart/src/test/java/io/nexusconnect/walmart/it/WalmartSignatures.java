package io.nexusconnect.walmart.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.credentials.Secret;
import io.nexusconnect.adapterkit.testkit.TestWebhookReceiver;
import io.nexusconnect.contracts.kafka.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Walmart's push signature checked the way webhook-gateway checks it (its BEHAVIOR.md): {@code WM_SEC.SIGNATURE} =
 * base64(HMAC-SHA256(webhookSecret, METHOD\nPATH_AND_QUERY\nWM_SEC.TIMESTAMP\nhex(SHA-256(raw body)))), the previous
 * secret also accepted, the timestamp within five minutes; topic and event id from {@code source}.
 */
final class WalmartSignatures {
    private WalmartSignatures() {
    }

    static Optional<TestWebhookReceiver.Verified> verify(TestWebhookReceiver.Request request,
                                                        ConnectionCredentials credentials) {
        String signature = request.header("WM_SEC.SIGNATURE");
        String timestamp = request.header("WM_SEC.TIMESTAMP");
        if (signature == null || timestamp == null) {
            return Optional.empty();
        }
        String toSign = request.method() + "\n" + request.pathAndQuery() + "\n" + timestamp + "\n" + sha256Hex(request.body());
        byte[] presented = Base64.getDecoder().decode(signature);
        boolean valid = Stream.of("webhookSecret", "webhookSecretPrevious").map(credentials::find)
                .flatMap(Optional::stream).map(Secret::reveal)
                .anyMatch(secret -> MessageDigest.isEqual(hmac(secret, toSign), presented));
        boolean fresh = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), Instant.now()).abs()
                .compareTo(Duration.ofMinutes(5)) <= 0;
        if (!valid || !fresh) {
            return Optional.empty();
        }
        JsonNode source = Json.read(new String(request.body(), StandardCharsets.UTF_8), JsonNode.class).path("source");
        return Optional.of(new TestWebhookReceiver.Verified(source.path("eventType").asText(null),
                source.path("eventId").asText(null), "walmart-hmac-sha256"));
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

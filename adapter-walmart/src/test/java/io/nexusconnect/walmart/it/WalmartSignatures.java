package io.nexusconnect.walmart.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.credentials.Secret;
import io.nexusconnect.adapterkit.client.signing.Signatures;
import io.nexusconnect.adapterkit.testkit.TestWebhookReceiver;
import io.nexusconnect.contracts.kafka.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
        String toSign = request.method() + "\n" + request.pathAndQuery() + "\n" + timestamp + "\n" + Signatures.sha256Hex(request.body());
        byte[] presented = Base64.getDecoder().decode(signature);
        boolean valid = Stream.of("webhookSecret", "webhookSecretPrevious").map(credentials::find)
                .flatMap(Optional::stream).map(Secret::reveal)
                .anyMatch(secret -> MessageDigest.isEqual(Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                        toSign.getBytes(StandardCharsets.UTF_8)), presented));
        boolean fresh = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), Instant.now()).abs()
                .compareTo(Duration.ofMinutes(5)) <= 0;
        if (!valid || !fresh) {
            return Optional.empty();
        }
        JsonNode source = Json.read(new String(request.body(), StandardCharsets.UTF_8), JsonNode.class).path("source");
        return Optional.of(new TestWebhookReceiver.Verified(source.path("eventType").asText(null),
                source.path("eventId").asText(null), "walmart-hmac-sha256"));
    }
}

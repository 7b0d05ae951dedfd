package io.nexusconnect.sims.ebay.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.webhooks.WebhookPusher;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Pushes notifications to destinations as eBay does: a POST of {@code {metadata{topic, schemaVersion, deprecated},
 * notification{notificationId, eventDate, publishDate, publishAttemptCount, data}}} (compact JSON) with
 * {@code X-EBAY-SIGNATURE} over the exact body. An answer other than 2xx (or none) is retried after
 * {@code retryDelay}, doubled each time, with the same notificationId and the next publishAttemptCount, up to
 * {@code maxAttempts}. Every delivery is kept in a log tests and the admin read. The retries and the log are
 * {@link WebhookPusher}'s; what is eBay's here is the envelope, stamped per attempt, and its signature.
 */
public final class NotificationPusher implements AutoCloseable {
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** One notification to one endpoint, as it went so far. */
    public record Delivery(String notificationId, String topic, String endpoint, int attempts, int lastStatus,
                           boolean delivered, boolean givenUp) {
    }

    private record Sent(String notificationId, WebhookPusher.Push push) {
        Delivery delivery() {
            WebhookPusher.Outcome outcome = push.outcome();
            return new Delivery(notificationId, push.topic, push.url, outcome.statuses().size(),
                    outcome.lastStatus(), outcome.delivered(), outcome.abandoned());
        }
    }

    private final WebhookPusher pusher;
    private final NotificationSigner signer;
    private final Clock clock;
    private final Map<String, Sent> log = new ConcurrentHashMap<>();

    public NotificationPusher(HttpClient http, NotificationSigner signer, Clock clock, Duration retryDelay,
                              int maxAttempts) {
        this.pusher = new WebhookPusher(http, doubling(retryDelay, maxAttempts));
        this.signer = signer;
        this.clock = clock;
    }

    /** {@code retryDelay}, doubled after each retry, for every attempt after the first. */
    private static List<Duration> doubling(Duration retryDelay, int maxAttempts) {
        return IntStream.range(0, Math.max(0, maxAttempts - 1))
                .mapToObj(retry -> Duration.ofMillis(retryDelay.toMillis() << Math.min(retry, 20))).toList();
    }

    /** Sends one new notification of {@code topic} with {@code data} to {@code endpoint}; answers its id. */
    public String push(String endpoint, String topic, String schemaVersion, Instant eventDate, ObjectNode data) {
        String notificationId = UUID.randomUUID().toString();
        WebhookPusher.Push push = pusher.push(endpoint, topic, attempt -> {
            ObjectNode body = Json.object();
            body.putObject("metadata").put("topic", topic).put("schemaVersion", schemaVersion)
                    .put("deprecated", false);
            body.putObject("notification").put("notificationId", notificationId)
                    .put("eventDate", TIME.format(eventDate)).put("publishDate", TIME.format(clock.instant()))
                    .put("publishAttemptCount", attempt).set("data", data);
            byte[] bytes = Json.bytes(body);
            return new WebhookPusher.Attempt(bytes, Map.of("Content-Type", "application/json",
                    "X-EBAY-SIGNATURE", signer.signatureHeader(bytes)));
        }, () -> { });
        log.put(notificationId + "|" + endpoint, new Sent(notificationId, push));
        return notificationId;
    }

    public List<Delivery> deliveries() {
        return log.values().stream().map(Sent::delivery).toList();
    }

    public void clear() {
        log.clear();
    }

    @Override
    public void close() {
        pusher.close();
    }
}

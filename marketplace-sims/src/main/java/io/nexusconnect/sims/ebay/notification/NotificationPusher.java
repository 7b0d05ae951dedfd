package io.nexusconnect.sims.ebay.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Pushes notifications to destinations as eBay does: a POST of {@code {metadata{topic, schemaVersion, deprecated},
 * notification{notificationId, eventDate, publishDate, publishAttemptCount, data}}} (compact JSON) with
 * {@code X-EBAY-SIGNATURE} over the exact body. An answer other than 2xx (or none) is retried after
 * {@code retryDelay}, doubled each time, with the same notificationId and the next publishAttemptCount, up to
 * {@code maxAttempts}. Every delivery is kept in a log tests and the admin read.
 */
public final class NotificationPusher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NotificationPusher.class.getName());
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** One notification to one endpoint, as it went so far. */
    public record Delivery(String notificationId, String topic, String endpoint, int attempts, int lastStatus,
                           boolean delivered, boolean givenUp) {
    }

    private final HttpClient http;
    private final NotificationSigner signer;
    private final Clock clock;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ebay-sim-notifications");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Delivery> log = new ConcurrentHashMap<>();

    public NotificationPusher(HttpClient http, NotificationSigner signer, Clock clock, Duration retryDelay,
                              int maxAttempts) {
        this.http = http;
        this.signer = signer;
        this.clock = clock;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
    }

    /** Sends one new notification of {@code topic} with {@code data} to {@code endpoint}; answers its id. */
    public String push(String endpoint, String topic, String schemaVersion, Instant eventDate, ObjectNode data) {
        String notificationId = UUID.randomUUID().toString();
        log.put(key(notificationId, endpoint), new Delivery(notificationId, topic, endpoint, 0, 0, false, false));
        scheduler.execute(() -> attempt(endpoint, topic, schemaVersion, eventDate, data, notificationId, 1));
        return notificationId;
    }

    private void attempt(String endpoint, String topic, String schemaVersion, Instant eventDate, ObjectNode data,
                         String notificationId, int attempt) {
        ObjectNode body = Json.object();
        body.putObject("metadata").put("topic", topic).put("schemaVersion", schemaVersion).put("deprecated", false);
        body.putObject("notification").put("notificationId", notificationId)
                .put("eventDate", TIME.format(eventDate)).put("publishDate", TIME.format(clock.instant()))
                .put("publishAttemptCount", attempt).set("data", data);
        byte[] bytes = Json.bytes(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-EBAY-SIGNATURE", signer.signatureHeader(bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            int status = response == null ? 0 : response.statusCode();
            boolean delivered = status >= 200 && status < 300;
            boolean givenUp = !delivered && attempt >= maxAttempts;
            log.put(key(notificationId, endpoint), new Delivery(notificationId, topic, endpoint, attempt, status,
                    delivered, givenUp));
            if (!delivered && !givenUp) {
                long delay = retryDelay.toMillis() << Math.min(attempt - 1, 20);
                LOG.fine(() -> topic + " " + notificationId + " attempt " + attempt + " answered " + status
                        + "; retrying in " + delay + " ms");
                scheduler.schedule(() -> attempt(endpoint, topic, schemaVersion, eventDate, data, notificationId,
                        attempt + 1), delay, TimeUnit.MILLISECONDS);
            }
        });
    }

    public List<Delivery> deliveries() {
        return new ArrayList<>(log.values());
    }

    public void clear() {
        log.clear();
    }

    private static String key(String notificationId, String endpoint) {
        return notificationId + "|" + endpoint;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

package io.nexusconnect.faults;

import io.nexusconnect.contracts.Marketplace;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One marketplace's deliveries to webhook-gateway for one connection, as the marketplace sends them (genuine: signed or
 * tokened as its documentation says) and as an attacker or a broken sender would (forged, oversized, misaddressed).
 * Each delivery knows the event id the gateway publishes it under, so a scenario can find it on the topic.
 */
abstract class WebhookSender {
    /**
     * What the gateway answered; status 0 when the request got no answer at all (connection refused, timeout).
     *
     * @param webhookId the marketplace event id of the delivery (what {@code WebhookReceived.eventId} carries)
     */
    record Answer(String webhookId, int status, String body) {
    }

    /** A delivery ready to post: where, the marketplace's headers, the raw body, and its event id. */
    record Delivery(String eventId, String url, Map<String, String> headers, byte[] body) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    protected final String gatewayUrl;
    protected final String connectionId;

    WebhookSender(String gatewayUrl, String connectionId) {
        this.gatewayUrl = gatewayUrl;
        this.connectionId = connectionId;
    }

    abstract Marketplace marketplace();

    /** A genuine delivery of one event, identified by {@code id}. */
    abstract Delivery genuine(String id);

    /** The same kind of delivery, signed (or tokened) with a key that is not the connection's. */
    abstract Delivery forged(String id);

    /** A genuine delivery of about {@code bytes} bytes. */
    abstract Delivery oversized(String id, int bytes);

    /** A genuine delivery, addressed to a connection the gateway does not know. */
    abstract Delivery toUnknownConnection(String id, String unknownConnectionId);

    String connectionId() {
        return connectionId;
    }

    /** Builds and posts a genuine delivery. */
    Answer send(String id) {
        return post(genuine(id));
    }

    /** The callback path of the connection (bol and Kaufland: with the path token). */
    String callbackUrl(String connectionId) {
        return gatewayUrl + "/api/webhooks/" + marketplace().id() + "/" + connectionId;
    }

    /** {@code {"<field>":"<id>","note":"xxx…"}}: valid JSON of about {@code bytes} bytes. */
    static byte[] padded(String prefixJson, int bytes) {
        String open = prefixJson.substring(0, prefixJson.length() - 1) + ",\"note\":\"";
        return (open + "x".repeat(Math.max(0, bytes - open.length() - 2)) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    Answer post(Delivery delivery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json");
        delivery.headers().forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(delivery.eventId(), response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(delivery.eventId(), 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(delivery.eventId(), 0, "interrupted");
        }
    }
}

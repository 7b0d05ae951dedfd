package io.nexusconnect.shopify.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.testinfra.KafkaTestClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway's part of a Shopify delivery, small: {@code POST /api/webhooks/shopify/{connectionId}} verifies
 * {@code X-Shopify-Hmac-Sha256} over the raw body with the connection's app secret (constant time) and the shop domain,
 * publishes the delivery as {@code WebhookReceived} carrying the connection (acknowledged by the broker), then answers
 * 200; a bad signature is 401, an unknown connection 404. Every request's outcome is kept for the test to read.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final List<String> PASSED_ON = List.of("x-shopify-topic", "x-shopify-shop-domain",
            "x-shopify-api-version", "x-shopify-webhook-id", "x-shopify-event-id", "x-shopify-triggered-at");

    record Known(ConnectionSnapshot connection, String appSecret, String shopDomain) {
    }

    record Received(UUID connectionId, String topic, String webhookId, int status, String error) {
    }

    private final HttpServer server;
    private final Map<UUID, Known> connections = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/webhooks/shopify/", this::deliver);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void know(ConnectionSnapshot connection, String appSecret, String shopDomain) {
        connections.put(connection.connectionId(), new Known(connection, appSecret, shopDomain));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void deliver(HttpExchange exchange) throws IOException {
        // the Kafka client loads its classes through the context class loader: the one this receiver came from
        Thread.currentThread().setContextClassLoader(WebhookReceiver.class.getClassLoader());
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        UUID id;
        try {
            id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        } catch (IllegalArgumentException e) {
            id = null;
        }
        Known known = id == null ? null : connections.get(id);
        String topic = exchange.getRequestHeaders().getFirst("X-Shopify-Topic");
        String webhookId = exchange.getRequestHeaders().getFirst("X-Shopify-Webhook-Id");
        int status;
        String error = null;
        try {
            status = handle(known, exchange, body, topic, webhookId);
        } catch (RuntimeException e) {
            status = 500;
            error = e.toString();
        }
        received.add(new Received(id, topic, webhookId, status, error));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private int handle(Known known, HttpExchange exchange, byte[] body, String topic, String webhookId) {
        if (known == null) {
            return 404;
        } else if (!verified(known, body, exchange.getRequestHeaders().getFirst("X-Shopify-Hmac-Sha256"),
                exchange.getRequestHeaders().getFirst("X-Shopify-Shop-Domain"))) {
            return 401;
        } else {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : PASSED_ON) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            ConnectionSnapshot connection = known.connection();
            KafkaTestClient.publish(Topics.webhooks(Marketplace.SHOPIFY), WebhookReceived.of(UUID.randomUUID(),
                    Marketplace.SHOPIFY, connection.connectionId(), connection.tenantId(), topic, webhookId,
                    Instant.now(), headers, "application/json", body, "shopify-hmac-sha256", false)
                    .withConnection(connection));
            return 200;
        }
    }

    private static boolean verified(Known known, byte[] body, String signature, String shop) {
        if (signature == null || shop == null || !shop.toLowerCase(Locale.ROOT).equals(known.shopDomain())) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(known.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return MessageDigest.isEqual(mac.doFinal(body), Base64.getDecoder().decode(signature));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

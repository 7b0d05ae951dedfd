package io.nexusconnect.ebay.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.testinfra.KafkaTestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's side of eBay in this module's tests, over real HTTP on 127.0.0.1: answers eBay's challenge
 * ({@code GET …/api/webhooks/ebay/{connectionId}?challenge_code=} → hex SHA-256 of code + the connection's verification
 * token + the endpoint URL), verifies {@code X-EBAY-SIGNATURE} with the key getPublicKey serves (application token,
 * real ECDSA over the raw body), and publishes the verified delivery as {@code WebhookReceived} with the connection
 * before it answers 2xx — as webhook-gateway does.
 */
final class NotificationReceiver implements AutoCloseable {
    private static final String PATH = "/api/webhooks/ebay/";

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final EbaySimulator sim;
    private final Map<UUID, ConnectionSnapshot> connections = new ConcurrentHashMap<>();
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    final AtomicInteger challenges = new AtomicInteger();
    final AtomicInteger verified = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    volatile String lastFailure;
    /** How many next deliveries are answered 503 before being looked at (the sender must retry them). */
    final AtomicInteger unavailable = new AtomicInteger();

    NotificationReceiver(EbaySimulator sim) throws IOException {
        this.sim = sim;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    @Override
    public String toString() {
        return "NotificationReceiver[challenges " + challenges + ", verified " + verified + ", refused " + refused
                + ", failures " + failures + (lastFailure == null ? "" : " (last: " + lastFailure + ")") + "]";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The gateway learns a connection (from nexus.connections.v1 in production) with its verification token. */
    void know(ConnectionSnapshot connection, String verificationToken) {
        connections.put(connection.connectionId(), connection);
        tokens.put(connection.connectionId(), verificationToken);
    }

    private void handle(HttpExchange exchange) throws IOException {
        // the HTTP server's thread: Kafka loads its serializers through the context class loader
        Thread.currentThread().setContextClassLoader(NotificationReceiver.class.getClassLoader());
        try (exchange) {
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            UUID connectionId = UUID.fromString(exchange.getRequestURI().getPath().substring(PATH.length()));
            String endpoint = baseUrl() + PATH + connectionId;
            if (!tokens.containsKey(connectionId)) {
                respond(exchange, 404, "{}");
            } else if ("GET".equals(exchange.getRequestMethod())) {
                challenges.incrementAndGet();
                String code = query(exchange.getRequestURI().getRawQuery(), "challenge_code");
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                        (code + tokens.get(connectionId) + endpoint).getBytes(StandardCharsets.UTF_8)));
                respond(exchange, 200, "{\"challengeResponse\":\"" + hash + "\"}");
            } else if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getRequestBody().readAllBytes();
                respond(exchange, 503, "{}");
            } else {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (!verifies(exchange.getRequestHeaders().getFirst("X-EBAY-SIGNATURE"), body)) {
                    refused.incrementAndGet();
                    respond(exchange, 401, "{}");
                    return;
                }
                JsonNode json = Json.mapper().readTree(body);
                ConnectionSnapshot connection = connections.get(connectionId);
                KafkaTestClient.publish(Topics.webhooks(Marketplace.EBAY), WebhookReceived.of(UUID.randomUUID(),
                        Marketplace.EBAY, connectionId, connection.tenantId(), json.path("metadata").path("topic").asText(),
                        json.path("notification").path("notificationId").asText(), Instant.now(), Map.of(),
                        "application/json", body, "ebay-ecdsa", false).withConnection(connection));
                verified.incrementAndGet();
                respond(exchange, 200, "{\"status\":\"accepted\"}");
            }
        } catch (Exception e) {
            failures.incrementAndGet();
            lastFailure = e.toString();
            respond(exchange, 500, "{}");
        }
    }

    private boolean verifies(String header, byte[] body) throws Exception {
        if (header == null) {
            return false;
        }
        JsonNode signature = Json.mapper().readTree(Base64.getDecoder().decode(header));
        PublicKey key = keys.computeIfAbsent(signature.path("kid").asText(), this::publicKey);
        Signature verifier = Signature.getInstance("SHA1withECDSA");
        verifier.initVerify(key);
        verifier.update(body);
        return verifier.verify(Base64.getDecoder().decode(signature.path("signature").asText()));
    }

    /** getPublicKey with an application token, as the gateway fetches it. */
    private PublicKey publicKey(String kid) {
        try {
            var demo = EbaySimulator.DEMO;
            String basic = Base64.getEncoder().encodeToString((demo.clientId() + ":" + demo.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
            JsonNode token = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(sim.tokenUrl()))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                            + "https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JsonNode key = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                            + "/commerce/notification/v1/public_key/" + kid))
                    .header("Authorization", "Bearer " + token.path("access_token").asText()).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String pem = key.path("key").asText().replace("-----BEGIN PUBLIC KEY-----", "")
                    .replace("-----END PUBLIC KEY-----", "");
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("no public key " + kid, e);
        }
    }

    private static String query(String rawQuery, String name) {
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

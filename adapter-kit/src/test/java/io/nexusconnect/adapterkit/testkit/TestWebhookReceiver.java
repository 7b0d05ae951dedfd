package io.nexusconnect.adapterkit.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.testinfra.KafkaTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver in the test JVM standing in for webhook-gateway, so an adapter test sees a simulator's push go
 * all the way: {@code POST /api/webhooks/<marketplace>/<connectionId>[/<pathToken>]} on a free port, verified by the
 * marketplace's scheme against the connection's opened credentials, published as {@code WebhookReceived} carrying
 * the connection (credentials sealed) on {@code nexus.webhooks.<marketplace>.v1}, answered 200 only after the broker
 * acknowledged. Unknown connections are 404, failed verification 401, and {@link #failNext} answers 503. A subscribe
 * handshake ({@code GET ?mode=subscribe&challenge=X}) on a verified address is answered with X.
 */
public final class TestWebhookReceiver implements AutoCloseable {

    /** One request as received: headers lower-case, the path and query raw, the path token if the URL had one. */
    public record Request(String method, String pathAndQuery, Map<String, String> headers, byte[] body,
                          String pathToken) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A delivery that verified: the marketplace's topic and event id, and the scheme's name. */
    public record Verified(String topic, String eventId, String scheme) {
    }

    /** The marketplace's verification: empty when the request is not authentic. */
    @FunctionalInterface
    public interface Verifier {
        Optional<Verified> verify(Request request, ConnectionCredentials credentials);
    }

    /**
     * The path-token check of bol and Kaufland as the gateway does it: the URL's token equals the connection's
     * {@code webhookToken} (or {@code webhookTokenPrevious} during a rotation), compared in constant time; the event
     * id is {@code sha256:<hex of the raw body>}.
     *
     * @param topic the marketplace's topic read from the raw body
     */
    public static Verifier pathToken(java.util.function.Function<byte[], String> topic) {
        return (request, credentials) -> {
            if (request.pathToken() == null) {
                return Optional.empty();
            }
            byte[] presented = request.pathToken().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            boolean valid = java.util.stream.Stream.of("webhookToken", "webhookTokenPrevious").map(credentials::find)
                    .flatMap(Optional::stream)
                    .anyMatch(token -> java.security.MessageDigest.isEqual(
                            token.reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8), presented));
            if (!valid) {
                return Optional.empty();
            }
            return Optional.of(new Verified(request.body().length == 0 ? null : topic.apply(request.body()),
                    "sha256:" + io.nexusconnect.adapterkit.client.signing.Signatures.sha256Hex(request.body()),
                    "path-token"));
        };
    }

    private final Marketplace marketplace;
    private final Verifier verifier;
    private final HttpServer server;
    private final Map<UUID, ConnectionSnapshot> connections = new ConcurrentHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final List<WebhookReceived> published = new CopyOnWriteArrayList<>();

    private TestWebhookReceiver(Marketplace marketplace, Verifier verifier) throws IOException {
        this.marketplace = marketplace;
        this.verifier = verifier;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/webhooks/", this::handle);
        server.start();
    }

    public static TestWebhookReceiver start(Marketplace marketplace, Verifier verifier) {
        try {
            return new TestWebhookReceiver(marketplace, verifier);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook receiver", e);
        }
    }

    /** The public base URL registrations use ({@code nexus.webhooks.public-base-url}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes the connection known (its latest snapshot wins, as the gateway's view of the compacted topic). */
    public void know(ConnectionSnapshot connection) {
        connections.put(connection.connectionId(), connection);
    }

    /** The next {@code count} deliveries are answered 503, as a gateway whose broker is away. */
    public void failNext(int count) {
        failNext.set(count);
    }

    /** Every status answered, in order. */
    public List<Integer> answers() {
        return List.copyOf(answers);
    }

    public List<WebhookReceived> published() {
        return List.copyOf(published);
    }

    private void handle(HttpExchange exchange) throws IOException {
        // the server's thread has the JVM's class loader; Kafka loads its plug-ins through the context one, which
        // must be the loader of the test's classes (Quarkus tests load them apart)
        Thread.currentThread().setContextClassLoader(TestWebhookReceiver.class.getClassLoader());
        int status;
        byte[] answer = new byte[0];
        try (InputStream in = exchange.getRequestBody()) {
            String challenge = challenge(exchange.getRequestURI().getRawQuery());
            if (exchange.getRequestMethod().equals("GET") && challenge != null) {
                status = handshake(exchange, challenge);
                answer = status == 200 ? challenge.getBytes(java.nio.charset.StandardCharsets.UTF_8) : answer;
            } else {
                status = receive(exchange, in.readAllBytes());
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 500;
        }
        answers.add(status);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    /** The subscribe handshake (Kaufland): {@code GET <callback>?mode=subscribe&challenge=X} on a verified address. */
    private int handshake(HttpExchange exchange, String challenge) {
        ConnectionSnapshot connection = connection(exchange.getRequestURI().getRawPath());
        if (connection == null) {
            return 404;
        }
        String[] segments = segments(exchange.getRequestURI().getRawPath());
        Request request = new Request("GET", exchange.getRequestURI().getRawPath(), Map.of(), new byte[0],
                segments.length == 3 ? segments[2] : null);
        return verifier.verify(request, TestConnections.opener().open(connection)).isPresent() ? 200 : 401;
    }

    private static String challenge(String query) {
        if (query == null || !query.contains("mode=subscribe")) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("challenge=")) {
                return java.net.URLDecoder.decode(pair.substring("challenge=".length()), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String[] segments(String rawPath) {
        return rawPath.substring("/api/webhooks/".length()).split("/");
    }

    /** The known connection the path names, or null (unknown, malformed, another marketplace's). */
    private ConnectionSnapshot connection(String rawPath) {
        String[] segments = segments(rawPath);
        if (segments.length < 2 || segments.length > 3 || !segments[0].equals(marketplace.id())) {
            return null;
        }
        try {
            return connections.get(UUID.fromString(segments[1]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private int receive(HttpExchange exchange, byte[] body) {
        String rawPath = exchange.getRequestURI().getRawPath();
        ConnectionSnapshot connection = connection(rawPath);
        if (!exchange.getRequestMethod().equals("POST") || connection == null) {
            return 404;
        }
        String[] segments = segments(rawPath);
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        String query = exchange.getRequestURI().getRawQuery();
        Request request = new Request(exchange.getRequestMethod(), rawPath + (query == null ? "" : "?" + query), headers,
                body, segments.length == 3 ? segments[2] : null);
        Optional<Verified> verified = verifier.verify(request, TestConnections.opener().open(connection));
        if (verified.isEmpty()) {
            return 401;
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return 503;
        }
        WebhookReceived delivery = WebhookReceived.of(UUID.randomUUID(), marketplace, connection.connectionId(),
                connection.tenantId(), verified.get().topic(), verified.get().eventId(), Instant.now(),
                Map.of("content-type", headers.getOrDefault("content-type", "application/json")),
                headers.getOrDefault("content-type", "application/json"), body, verified.get().scheme(), false)
                .withConnection(connection);
        TestWebhooks.send(delivery);
        published.add(delivery);
        return 200;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.nexusconnect.adapterkit.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port that answers from a script; the last scripted answer repeats. Used to
 * test the client's retry logic over real HTTP without a marketplace.
 */
public final class ScriptedServer implements AutoCloseable {
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    /** A request as the server received it: the URI is path and query exactly as they came over the wire. */
    public record Received(String method, String uri, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final java.util.List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile Answer last = new Answer(200, Map.of(), "{}");

    public ScriptedServer() {
        try {
            server = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onSuccess(received -> {
                        Map<String, String> headers = new java.util.LinkedHashMap<>();
                        request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
                        this.received.add(new Received(request.method().name(), request.uri(), headers, received.toString()));
                        hits.incrementAndGet();
                        Answer answer = script.poll();
                        if (answer == null) {
                            answer = last;
                        } else {
                            last = answer;
                        }
                        var response = request.response().setStatusCode(answer.status());
                        answer.headers().forEach(response::putHeader);
                        response.end(answer.body());
                    }))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public ScriptedServer then(int status, Map<String, String> headers, String body) {
        script.add(new Answer(status, headers, body));
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    public java.util.List<Received> received() {
        return java.util.List.copyOf(received);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public int hits() {
        return hits.get();
    }

    @Override
    public void close() {
        vertx.close();
    }
}

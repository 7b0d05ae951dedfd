package io.nexusconnect.adapterkit.skeleton;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The marketplace the skeleton adapter talks to, over real HTTP on a free port: an OAuth2 client-credentials token
 * endpoint (HTTP Basic), offers with offset/limit paging and a total, and a stock endpoint that refuses unknown SKUs.
 */
final class ExampleMarketplace implements AutoCloseable {
    static final String CLIENT_ID = "example-client";
    static final String CLIENT_SECRET = "example-secret-0123456789";
    private static final String TOKEN = "tok-" + Long.toHexString(System.nanoTime());

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    final Map<String, Integer> stock = new ConcurrentHashMap<>(new TreeMap<>(Map.of("SKU-1", 1, "SKU-2", 2, "SKU-3", 3)));
    final AtomicInteger tokensIssued = new AtomicInteger();

    ExampleMarketplace() {
        try {
            server = vertx.createHttpServer().requestHandler(this::route).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    private void route(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String path = request.path();
            if (path.equals("/token") && request.method().name().equals("POST")) {
                token(request, body.toString());
            } else if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                answer(request, 401, new JsonObject().put("message", "invalid token"));
            } else if (path.equals("/v1/offers")) {
                offers(request);
            } else if (path.startsWith("/v1/offers/") && path.endsWith("/stock")) {
                String sku = path.substring("/v1/offers/".length(), path.length() - "/stock".length());
                if (!stock.containsKey(sku)) {
                    answer(request, 404, new JsonObject().put("message", "offer " + sku + " not found"));
                    return;
                }
                stock.put(sku, new JsonObject(body).getInteger("amount"));
                answer(request, 200, new JsonObject().put("sku", sku));
            } else {
                answer(request, 404, new JsonObject().put("message", "no such resource"));
            }
        });
    }

    private void token(HttpServerRequest request, String form) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeader("Authorization")) || !form.contains("grant_type=client_credentials")) {
            answer(request, 401, new JsonObject().put("error", "invalid_client"));
            return;
        }
        tokensIssued.incrementAndGet();
        answer(request, 200, new JsonObject().put("access_token", TOKEN).put("token_type", "Bearer").put("expires_in", 900));
    }

    private void offers(HttpServerRequest request) {
        int offset = Integer.parseInt(request.getParam("offset", "0"));
        int limit = Integer.parseInt(request.getParam("limit", "10"));
        JsonArray offers = new JsonArray();
        stock.entrySet().stream().sorted(Map.Entry.comparingByKey()).skip(offset).limit(limit)
                .forEach(e -> offers.add(new JsonObject().put("sku", e.getKey()).put("amount", e.getValue())));
        answer(request, 200, new JsonObject().put("offers", offers).put("total", stock.size()));
    }

    private static void answer(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("X-Request-Id", "req-" + System.nanoTime()).end(body.encode());
    }

    @Override
    public void close() {
        vertx.close();
    }
}

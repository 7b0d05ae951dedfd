package io.nexusconnect.sims.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.nexusconnect.sims.ebay.notification.NotificationPusher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Notification API over real HTTP: destinations validated by a real challenge against an HTTP endpoint in the test,
 * subscriptions by token kind, and signed pushes with retries.
 */
class EbayNotificationsTest {
    private static final String TOKEN = "sim-test-verification-token-000000000000001";
    private static EbaySimulator sim;
    private static HttpServer endpoint;
    private static final List<byte[]> BODIES = new CopyOnWriteArrayList<>();
    private static final List<String> SIGNATURES = new CopyOnWriteArrayList<>();
    private static final AtomicInteger REFUSE = new AtomicInteger();
    private static volatile String answerToken = TOKEN;

    @BeforeAll
    static void start() throws IOException {
        sim = EbaySimulator.start(EbaySimConfig.builder().orderCount(5).pushRetryDelay(Duration.ofMillis(50)).build());
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hooks", exchange -> {
            try (exchange) {
                byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
                int status = 200;
                if ("GET".equals(exchange.getRequestMethod())) {
                    String code = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("challenge_code=".length()),
                            StandardCharsets.UTF_8);
                    answer = ("{\"challengeResponse\":\"" + sha256(code + answerToken + url()) + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                } else if (REFUSE.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.getRequestBody().readAllBytes();
                    status = 503;
                } else {
                    BODIES.add(exchange.getRequestBody().readAllBytes());
                    SIGNATURES.add(exchange.getRequestHeaders().getFirst("X-EBAY-SIGNATURE"));
                    status = 204;
                    answer = new byte[0];
                }
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    exchange.getResponseBody().write(answer);
                }
            }
        });
        endpoint.start();
    }

    @AfterAll
    static void stop() {
        endpoint.stop(0);
        sim.close();
    }

    @Test
    @DisplayName("A destination is refused while its endpoint answers the challenge wrongly, and created once it answers right; a user token may not create one")
    void destinationNeedsTheChallenge() {
        // given an endpoint answering with another token
        String app = EbayHttp.applicationToken(sim);
        answerToken = "another-token-000000000000000000000000000";

        // when the destination is created, then eBay refuses it after its challenge
        EbayHttp.Reply refused = EbayHttp.post(sim, app, "/commerce/notification/v1/destination", destination());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorId()).isEqualTo(195020);

        // when the endpoint answers with the token, then it is created, and a seller's token is refused
        answerToken = TOKEN;
        EbayHttp.Reply created = EbayHttp.post(sim, app, "/commerce/notification/v1/destination", destination());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/commerce/notification/v1/destination/");
        String seller = EbayHttp.sellerToken(sim, EbayApi.Scopes.NOTIFICATION_SUBSCRIPTION);
        assertThat(EbayHttp.post(sim, seller, "/commerce/notification/v1/destination", destination()).status()).isEqualTo(403);
        // and a second destination for the same endpoint is a conflict
        assertThat(EbayHttp.post(sim, app, "/commerce/notification/v1/destination", destination()).errorId()).isEqualTo(195021);
        EbayHttp.delete(sim, app, "/commerce/notification/v1/destination/" + id(created));
    }

    @Test
    @DisplayName("A seller's ORDER_CONFIRMATION subscription gets one signed push per line, verifiable with getPublicKey's key, retried with the same id after a 503")
    void signedPushesWithRetry() throws Exception {
        // given a destination and the seller's subscription on it
        String app = EbayHttp.applicationToken(sim);
        String destinationId = id(EbayHttp.post(sim, app, "/commerce/notification/v1/destination", destination()));
        String seller = EbayHttp.sellerToken(sim, EbayApi.Scopes.NOTIFICATION_SUBSCRIPTION);
        String subscription = "{\"topicId\":\"ORDER_CONFIRMATION\",\"status\":\"ENABLED\",\"destinationId\":\"" + destinationId
                + "\",\"payload\":{\"format\":\"JSON\",\"schemaVersion\":\"1.0\",\"deliveryProtocol\":\"HTTPS\"}}";
        assertThat(EbayHttp.post(sim, app, "/commerce/notification/v1/subscription", subscription).errorId())
                .as("a user topic with an application token").isEqualTo(195011);
        EbayHttp.Reply subscribed = EbayHttp.post(sim, seller, "/commerce/notification/v1/subscription", subscription);
        assertThat(subscribed.status()).isEqualTo(201);
        assertThat(EbayHttp.post(sim, seller, "/commerce/notification/v1/subscription", subscription).errorId()).isEqualTo(195012);
        BODIES.clear();
        SIGNATURES.clear();

        // when a two-line order is placed and the endpoint refuses the first push
        REFUSE.set(1);
        var skus = sim.items().stream().filter(i -> "ACTIVE".equals(i.listingStatus())).limit(2).toList();
        var order = sim.placeOrder(Map.of(skus.get(0).sku(), 1, skus.get(1).sku(), 3));

        // then both lines arrive, each with a signature the published key verifies over the exact body
        waitFor(() -> BODIES.size() == 2 && sim.deliveries().stream().allMatch(NotificationPusher.Delivery::delivered));
        JsonNode header = EbayHttp.MAPPER.readTree(Base64.getDecoder().decode(SIGNATURES.getFirst()));
        JsonNode key = EbayHttp.get(sim, app, "/commerce/notification/v1/public_key/" + header.path("kid").asText()).json();
        assertThat(key.path("algorithm").asText()).isEqualTo("ECDSA");
        assertThat(key.path("digest").asText()).isEqualTo("SHA1");
        PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(key.path("key").asText().replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""))));
        for (int i = 0; i < 2; i++) {
            JsonNode signature = EbayHttp.MAPPER.readTree(Base64.getDecoder().decode(SIGNATURES.get(i)));
            Signature verifier = Signature.getInstance("SHA1withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(BODIES.get(i));
            assertThat(verifier.verify(Base64.getDecoder().decode(signature.path("signature").asText()))).isTrue();
            JsonNode body = EbayHttp.MAPPER.readTree(BODIES.get(i));
            assertThat(body.path("metadata").path("topic").asText()).isEqualTo("ORDER_CONFIRMATION");
            assertThat(body.path("notification").path("data").path("orderId").asText()).isEqualTo(order.orderId());
        }
        // and the refused push came again with the same id and the next attempt count
        assertThat(sim.deliveries()).anySatisfy(d -> assertThat(d.attempts()).isEqualTo(2));
        assertThat(BODIES.stream().map(b -> readQuietly(b).path("notification").path("publishAttemptCount").asInt()))
                .containsExactlyInAnyOrder(1, 2);
        // and the destination in use cannot be deleted before its subscription
        assertThat(EbayHttp.delete(sim, app, "/commerce/notification/v1/destination/" + destinationId).errorId()).isEqualTo(195024);
        EbayHttp.delete(sim, seller, "/commerce/notification/v1/subscription/" + id(subscribed));
        assertThat(EbayHttp.delete(sim, app, "/commerce/notification/v1/destination/" + destinationId).status()).isEqualTo(204);
    }

    private static String destination() {
        return "{\"name\":\"sim-test\",\"status\":\"ENABLED\",\"deliveryConfig\":{\"endpoint\":\"" + url()
                + "\",\"verificationToken\":\"" + TOKEN + "\"}}";
    }

    private static String url() {
        return "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks";
    }

    private static String id(EbayHttp.Reply created) {
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readQuietly(byte[] body) {
        try {
            return EbayHttp.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a condition the simulator's pushes make true, up to 30 s. */
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 30 s; deliveries " + sim.deliveries());
            }
            Thread.sleep(20);
        }
    }
}

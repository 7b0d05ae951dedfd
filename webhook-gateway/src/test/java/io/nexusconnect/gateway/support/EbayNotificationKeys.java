package io.nexusconnect.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * eBay's side of notification signing, over real HTTP on 127.0.0.1: an application-token endpoint
 * ({@code POST /identity/v1/oauth2/token}, client credentials) and {@code GET /commerce/notification/v1/public_key/{kid}}
 * answering {@code {algorithm:"ECDSA", digest:"SHA1", key:"-----BEGIN PUBLIC KEY-----<base64 on one line>-----END..."}}
 * for keys it generated (EC P-256), plus the signer that builds {@code X-EBAY-SIGNATURE} headers with them.
 */
public final class EbayNotificationKeys implements AutoCloseable {
    public static final String APP_ID = "NexusCon-gateway-PRD-0a1b2c3d4-5e6f7a8b";
    public static final String CERT_ID = "PRD-0a1b2c3d4e5f-6a7b-8c9d-0e1f-2a3b";
    private static final String TOKEN = "v^1.1#i^1#application-token-for-tests";

    private final HttpServer server;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final AtomicInteger keyFetches = new AtomicInteger();

    public EbayNotificationKeys() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/identity/v1/oauth2/token", this::token);
        server.createContext("/commerce/notification/v1/public_key/", this::publicKey);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new signing key under {@code kid}. */
    public KeyPair newKey(String kid) {
        KeyPair pair = generate();
        keys.put(kid, pair);
        return pair;
    }

    /** A fresh EC P-256 key pair that eBay does not know. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code X-EBAY-SIGNATURE} value for {@code signedBytes}, signed with {@code key} and naming {@code kid}. */
    public static String signatureHeader(String kid, KeyPair key, byte[] signedBytes) {
        try {
            Signature signer = Signature.getInstance("SHA1withECDSA");
            signer.initSign(key.getPrivate());
            signer.update(signedBytes);
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            String json = "{\"alg\":\"ecdsa\",\"kid\":\"" + kid + "\",\"signature\":\"" + signature + "\",\"digest\":\"SHA1\"}";
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public int keyFetches() {
        return keyFetches.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((APP_ID + ":" + CERT_ID).getBytes(StandardCharsets.UTF_8));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || !body.contains("grant_type=client_credentials")) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":7200,\"token_type\":\"Application Access Token\"}");
    }

    private void publicKey(HttpExchange exchange) throws IOException {
        keyFetches.incrementAndGet();
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"errors\":[{\"errorId\":1001}]}");
            return;
        }
        String kid = exchange.getRequestURI().getPath().substring("/commerce/notification/v1/public_key/".length());
        KeyPair pair = keys.get(kid);
        if (pair == null) {
            respond(exchange, 404, "{\"errors\":[{\"errorId\":195001,\"message\":\"The specified key id is invalid.\"}]}");
            return;
        }
        String pem = "-----BEGIN PUBLIC KEY-----" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
                + "-----END PUBLIC KEY-----";
        respond(exchange, 200, "{\"algorithm\":\"ECDSA\",\"digest\":\"SHA1\",\"key\":\"" + pem + "\"}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

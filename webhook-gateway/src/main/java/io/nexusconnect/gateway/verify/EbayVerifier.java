package io.nexusconnect.gateway.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.gateway.connections.GatewayConnection;
import io.nexusconnect.gateway.request.WebhookRequest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * eBay: {@code X-EBAY-SIGNATURE} is base64 of {@code {"alg","kid","signature","digest"}}; the signature (base64 DER)
 * is verified with the key {@code kid} names ({@link EbayPublicKeys}) over the raw body, and, because eBay's own SDKs
 * verify a compact re-serialization of the parsed JSON, over that as a second candidate.
 */
public final class EbayVerifier implements WebhookVerifier {
    public static final String SCHEME = "ebay-ecdsa";
    static final String SIGNATURE = "X-EBAY-SIGNATURE";

    // a mapper without the event dialect's settings: nulls stay, like JSON.stringify in eBay's Node SDK
    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN = new com.fasterxml.jackson.databind.ObjectMapper();

    private final EbayPublicKeys keys;

    public EbayVerifier(EbayPublicKeys keys) {
        this.keys = keys;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.EBAY;
    }

    @Override
    public Verdict verify(WebhookRequest request, GatewayConnection connection) {
        String header = request.headers().get(SIGNATURE);
        if (header == null) {
            return Verdict.unauthentic("no " + SIGNATURE + " header");
        }
        String kid;
        byte[] signature;
        try {
            JsonNode parsed = Json.mapper().readTree(Base64.getDecoder().decode(header));
            kid = parsed.path("kid").asText(null);
            signature = Base64.getDecoder().decode(parsed.path("signature").asText(""));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Verdict.unauthentic(SIGNATURE + " is not base64 JSON");
        }
        if (kid == null || kid.isBlank() || signature.length == 0) {
            return Verdict.unauthentic(SIGNATURE + " lacks kid or signature");
        }
        Optional<EbayPublicKeys.SigningKey> key = keys.key(kid, connection);
        if (key.isEmpty()) {
            return Verdict.unauthentic("eBay knows no key " + kid);
        }
        if (!verifiesAny(key.get(), signature, candidates(request.body()))) {
            return Verdict.unauthentic("ECDSA signature does not match the body");
        }
        JsonNode body = BodyJson.parse(request.body());
        return new Verdict.Verified(BodyJson.text(body, "metadata", "topic"),
                BodyJson.text(body, "notification", "notificationId"), Map.of(), SCHEME);
    }

    /** The raw bytes first; then the compact JSON eBay's SDKs sign-check, if the body is JSON and differs. */
    static List<byte[]> candidates(byte[] raw) {
        List<byte[]> candidates = new ArrayList<>(List.of(raw));
        try {
            byte[] compact = PLAIN.writeValueAsString(PLAIN.readTree(raw)).getBytes(StandardCharsets.UTF_8);
            if (!java.util.Arrays.equals(compact, raw)) {
                candidates.add(compact);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON: only the raw bytes can match
        }
        return candidates;
    }

    private static boolean verifiesAny(EbayPublicKeys.SigningKey key, byte[] signature, List<byte[]> candidates) {
        for (byte[] data : candidates) {
            try {
                Signature verifier = Signature.getInstance(key.signatureAlgorithm());
                verifier.initVerify(key.key());
                verifier.update(data);
                if (verifier.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false; // a signature that is not DER, or an algorithm the JDK lacks: not verified
            }
        }
        return false;
    }
}

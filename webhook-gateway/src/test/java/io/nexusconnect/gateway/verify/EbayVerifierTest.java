package io.nexusconnect.gateway.verify;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.gateway.connections.GatewayConnection;
import io.nexusconnect.gateway.support.EbayNotificationKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EbayVerifierTest {
    static final String BODY = "{\"metadata\":{\"topic\":\"ORDER_CONFIRMATION\",\"schemaVersion\":\"1.0\",\"deprecated\":false},"
            + "\"notification\":{\"notificationId\":\"49feeaeb-4bb0-4b2b-9a5c-1d0c3bd0a0f1_33\",\"eventDate\":\"2026-11-22T10:15:30.000Z\","
            + "\"publishDate\":\"2026-11-22T10:15:31.000Z\",\"publishAttemptCount\":1,\"data\":{\"orderId\":\"14-09876-54321\"}}}";
    static final EbayNotificationKeys EBAY = new EbayNotificationKeys();
    static final KeyPair KEY = EBAY.newKey("kid-2026-11");

    final EbayVerifier verifier = new EbayVerifier(new EbayPublicKeys(HttpClient.newHttpClient(),
            Map.of("production", EBAY.baseUrl(), "sandbox", EBAY.baseUrl()), Clock.systemUTC(), Duration.ofHours(1),
            Duration.ofSeconds(5)));
    final GatewayConnection connection = Deliveries.connection(Marketplace.EBAY, Map.of(),
            Map.of("appId", EbayNotificationKeys.APP_ID, "certId", EbayNotificationKeys.CERT_ID));

    @AfterAll
    static void stop() {
        EBAY.close();
    }

    static Map<String, String> signed(String kid, KeyPair key, String signedText) {
        return Map.of("X-EBAY-SIGNATURE", EbayNotificationKeys.signatureHeader(kid, key, signedText.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("A notification signed with eBay's P-256 key over the raw body verifies, with topic and notification id")
    void valid() {
        Verdict verdict = verifier.verify(Deliveries.post(Marketplace.EBAY, null, signed("kid-2026-11", KEY, BODY), BODY), connection);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Verified.class, verified -> {
            assertThat(verified.topic()).isEqualTo("ORDER_CONFIRMATION");
            assertThat(verified.eventId()).isEqualTo("49feeaeb-4bb0-4b2b-9a5c-1d0c3bd0a0f1_33");
            assertThat(verified.scheme()).isEqualTo(EbayVerifier.SCHEME);
        });
    }

    @Test
    @DisplayName("A body sent pretty-printed but signed in its compact form (as eBay's SDKs check it) verifies")
    void compactReserializationVerifies() {
        String pretty = BODY.replace(",\"", ",\n  \"").replace("{\"", "{\n  \"");

        assertThat(verifier.verify(Deliveries.post(Marketplace.EBAY, null, signed("kid-2026-11", KEY, BODY), pretty), connection))
                .isInstanceOf(Verdict.Verified.class);
    }

    @Test
    @DisplayName("A changed order id in the body fails verification")
    void tamperedBody() {
        assertThat(verifier.verify(Deliveries.post(Marketplace.EBAY, null, signed("kid-2026-11", KEY, BODY),
                BODY.replace("14-09876-54321", "14-09876-54322")), connection)).isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    @DisplayName("A signature made with another key under a known kid fails; an unknown kid fails")
    void wrongKey() {
        KeyPair stranger = EbayNotificationKeys.generate();

        assertThat(verifier.verify(Deliveries.post(Marketplace.EBAY, null, signed("kid-2026-11", stranger, BODY), BODY), connection))
                .isInstanceOf(Verdict.Rejected.class);
        assertThat(verifier.verify(Deliveries.post(Marketplace.EBAY, null, signed("kid-unknown", KEY, BODY), BODY), connection))
                .isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    @DisplayName("A notification without X-EBAY-SIGNATURE, or with one that is not base64 JSON, is unauthentic")
    void missingOrMalformedHeader() {
        assertThat(verifier.verify(Deliveries.post(Marketplace.EBAY, null, Map.of(), BODY), connection))
                .isInstanceOf(Verdict.Rejected.class);
        assertThat(verifier.verify(Deliveries.post(Marketplace.EBAY, null, Map.of("X-EBAY-SIGNATURE", "bm90IGpzb24="), BODY), connection))
                .isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    @DisplayName("The key of a kid is fetched once and then served from the cache")
    void keyCachedPerKid() {
        KeyPair cached = EBAY.newKey("kid-cache");
        int before = EBAY.keyFetches();

        for (int i = 0; i < 3; i++) {
            verifier.verify(Deliveries.post(Marketplace.EBAY, null, signed("kid-cache", cached, BODY), BODY), connection);
        }

        assertThat(EBAY.keyFetches() - before).isEqualTo(1);
    }

    @Test
    @DisplayName("The challenge response is hex SHA-256 of code + verification token + endpoint (vector computed in Python)")
    void challenge() {
        String response = EbayChallenge.response("a8628072-3d33-45ee-9004-bee86830a22d",
                "71745723-d031-455c-bfa5-f90d11b4f20a_verification-token",
                "https://hooks.nexus.example/api/webhooks/ebay/5d0c5a4e-2f7e-4d4b-9d7a-3c1f2f0b9e11");

        assertThat(response).isEqualTo("776c2c761ed0764819aac404247a0448960ef59082a5ebd284e0417807fa93e2");
    }
}

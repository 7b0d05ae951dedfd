package io.nexusconnect.gateway.verify;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.gateway.connections.GatewayConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifyVerifierTest {
    // vector computed outside Java: base64(HMAC-SHA256(secret, body)) with Python's hmac module
    static final String SECRET = "shpss_0123456789abcdef0123456789abcdef";
    static final String BODY = "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}";
    static final String SIGNATURE = "8++5uqaSbZMvfZWESSDj93PLZ220nqZIKaoc0fiVLe4=";
    static final String SHOP = "nexus-demo.myshopify.com";

    final ShopifyVerifier verifier = new ShopifyVerifier();
    final GatewayConnection connection = Deliveries.connection(Marketplace.SHOPIFY, Map.of("shopDomain", SHOP),
            Map.of("apiSecretKey", SECRET));

    static Map<String, String> headers(String signature, String shop) {
        return Map.of("X-Shopify-Hmac-Sha256", signature, "X-Shopify-Shop-Domain", shop, "X-Shopify-Topic", "orders/create",
                "X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", "X-Shopify-API-Version", "2025-10");
    }

    @Test
    @DisplayName("A delivery signed with the app secret over the raw body verifies, with its topic and webhook id")
    void valid() {
        Verdict verdict = verifier.verify(Deliveries.post(Marketplace.SHOPIFY, null, headers(SIGNATURE, SHOP), BODY), connection);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Verified.class, verified -> {
            assertThat(verified.topic()).isEqualTo("orders/create");
            assertThat(verified.eventId()).isEqualTo("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
            assertThat(verified.headers()).containsEntry("x-shopify-shop-domain", SHOP)
                    .doesNotContainKey("x-shopify-hmac-sha256");
        });
    }

    @Test
    @DisplayName("One changed byte of the body fails verification")
    void tamperedBody() {
        Verdict verdict = verifier.verify(Deliveries.post(Marketplace.SHOPIFY, null, headers(SIGNATURE, SHOP),
                BODY.replace("jon@", "jan@")), connection);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class,
                rejected -> assertThat(rejected.rejection()).isEqualTo(Verdict.Rejection.UNAUTHENTIC));
    }

    @Test
    @DisplayName("A connection with another secret does not verify the delivery")
    void wrongKey() {
        GatewayConnection other = Deliveries.connection(Marketplace.SHOPIFY, Map.of("shopDomain", SHOP),
                Map.of("apiSecretKey", "shpss_ffffffffffffffffffffffffffffffff"));

        assertThat(verifier.verify(Deliveries.post(Marketplace.SHOPIFY, null, headers(SIGNATURE, SHOP), BODY), other))
                .isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    @DisplayName("A delivery without the HMAC header, or with one that is not base64, is unauthentic")
    void missingOrMalformedHeader() {
        Verdict missing = verifier.verify(Deliveries.post(Marketplace.SHOPIFY, null,
                Map.of("X-Shopify-Shop-Domain", SHOP), BODY), connection);
        Verdict malformed = verifier.verify(Deliveries.post(Marketplace.SHOPIFY, null, headers("%%%", SHOP), BODY), connection);

        assertThat(missing).isInstanceOf(Verdict.Rejected.class);
        assertThat(malformed).isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    @DisplayName("A genuine delivery of another shop of the same app is not this connection's")
    void otherShop() {
        Verdict verdict = verifier.verify(Deliveries.post(Marketplace.SHOPIFY, null,
                headers(SIGNATURE, "someone-else.myshopify.com"), BODY), connection);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class,
                rejected -> assertThat(rejected.rejection()).isEqualTo(Verdict.Rejection.NOT_THIS_CONNECTION));
    }

    @Test
    @DisplayName("During a secret rotation a delivery signed with the previous secret still verifies")
    void previousSecretDuringRotation() {
        GatewayConnection rotating = Deliveries.connection(Marketplace.SHOPIFY, Map.of("shopDomain", SHOP),
                Map.of("apiSecretKey", "shpss_new0000000000000000000000000000", "apiSecretKeyPrevious", SECRET));

        assertThat(verifier.verify(Deliveries.post(Marketplace.SHOPIFY, null, headers(SIGNATURE, SHOP), BODY), rotating))
                .isInstanceOf(Verdict.Verified.class);
    }
}

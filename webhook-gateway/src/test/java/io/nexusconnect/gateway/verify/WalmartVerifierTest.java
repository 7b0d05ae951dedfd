package io.nexusconnect.gateway.verify;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.gateway.connections.GatewayConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WalmartVerifierTest {
    // vector computed outside Java (Python hmac/hashlib):
    // base64(HMAC-SHA256(secret, "POST\n<path>\n1795946130\n" + hex(SHA-256(body))))
    static final String SECRET = "walmart-webhook-secret-0123456789abcdef";
    static final String BODY = "{\"source\":{\"eventType\":\"PO_CREATED\",\"eventId\":\"e-1\"},\"payload\":{}}";
    static final String SIGNATURE = "UBU5ZcW0tKA7/gIcHTH7bzoA2UozkPYnyH0dea1qDc8=";
    static final Instant SIGNED_AT = Instant.ofEpochSecond(1795946130);

    final GatewayConnection connection = Deliveries.connection(Marketplace.WALMART, Map.of(), Map.of("webhookSecret", SECRET));

    static WalmartVerifier verifierAt(Instant now) {
        return new WalmartVerifier(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(5));
    }

    static Map<String, String> signed(String signature) {
        return Map.of("WM_SEC.SIGNATURE", signature, "WM_SEC.TIMESTAMP", String.valueOf(SIGNED_AT.getEpochSecond()));
    }

    @Test
    @DisplayName("A delivery signed over method, path, timestamp and body hash verifies, with its event type and id")
    void valid() {
        Verdict verdict = verifierAt(SIGNED_AT.plusSeconds(30))
                .verify(Deliveries.post(Marketplace.WALMART, null, signed(SIGNATURE), BODY), connection);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Verified.class, verified -> {
            assertThat(verified.topic()).isEqualTo("PO_CREATED");
            assertThat(verified.eventId()).isEqualTo("e-1");
            assertThat(verified.headers()).containsKey("wm_sec.timestamp").doesNotContainKey("wm_sec.signature");
        });
    }

    @Test
    @DisplayName("A changed body no longer matches the signed body hash")
    void tamperedBody() {
        assertThat(verifierAt(SIGNED_AT).verify(Deliveries.post(Marketplace.WALMART, null, signed(SIGNATURE),
                BODY.replace("e-1", "e-2")), connection)).isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    @DisplayName("Another secret does not verify the delivery")
    void wrongKey() {
        GatewayConnection other = Deliveries.connection(Marketplace.WALMART, Map.of(), Map.of("webhookSecret", "x".repeat(40)));

        assertThat(verifierAt(SIGNED_AT).verify(Deliveries.post(Marketplace.WALMART, null, signed(SIGNATURE), BODY), other))
                .isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    @DisplayName("A delivery without the signature headers is unauthentic")
    void missingHeader() {
        assertThat(verifierAt(SIGNED_AT).verify(Deliveries.post(Marketplace.WALMART, null,
                Map.of("WM_SEC.SIGNATURE", SIGNATURE), BODY), connection)).isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    @DisplayName("A correctly signed delivery older than the replay window is refused as stale")
    void staleTimestamp() {
        Verdict verdict = verifierAt(SIGNED_AT.plus(Duration.ofMinutes(6)))
                .verify(Deliveries.post(Marketplace.WALMART, null, signed(SIGNATURE), BODY), connection);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class,
                rejected -> assertThat(rejected.rejection()).isEqualTo(Verdict.Rejection.STALE));
    }

    @Test
    @DisplayName("A subscription registered with an auth header verifies by that header's value instead")
    void authHeaderScheme() {
        GatewayConnection byHeader = Deliveries.connection(Marketplace.WALMART, Map.of("webhookAuthHeader", "X-Nexus-Auth"),
                Map.of("webhookSecret", SECRET));
        WalmartVerifier verifier = verifierAt(SIGNED_AT);

        Verdict good = verifier.verify(Deliveries.post(Marketplace.WALMART, null, Map.of("X-Nexus-Auth", SECRET), BODY), byHeader);
        Verdict bad = verifier.verify(Deliveries.post(Marketplace.WALMART, null, Map.of("X-Nexus-Auth", "nope"), BODY), byHeader);

        assertThat(good).isInstanceOfSatisfying(Verdict.Verified.class,
                verified -> assertThat(verified.scheme()).isEqualTo(WalmartVerifier.SCHEME_HEADER));
        assertThat(bad).isInstanceOf(Verdict.Rejected.class);
    }
}

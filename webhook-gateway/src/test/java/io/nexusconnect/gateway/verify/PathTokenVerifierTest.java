package io.nexusconnect.gateway.verify;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.gateway.connections.GatewayConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PathTokenVerifierTest {
    static final String TOKEN = "kT9_token-of-this-connection-0123456789";
    static final String BOL_BODY = "{\"retailerId\":1234567,\"timestamp\":\"2026-11-22T10:15:30+01:00\","
            + "\"event\":{\"resource\":\"ORDER\",\"type\":\"NEW\",\"resourceId\":\"A2K8290LP8\"}}";

    @Test
    @DisplayName("A bol push on the URL with the connection's token verifies; resource/type/id/timestamp identify it")
    void bolValid() {
        GatewayConnection connection = Deliveries.connection(Marketplace.BOL, Map.of(), Map.of("webhookToken", TOKEN));

        Verdict verdict = new PathTokenVerifier(Marketplace.BOL)
                .verify(Deliveries.post(Marketplace.BOL, TOKEN, Map.of(), BOL_BODY), connection);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Verified.class, verified -> {
            assertThat(verified.topic()).isEqualTo("ORDER/NEW");
            assertThat(verified.eventId()).isEqualTo("ORDER/NEW/A2K8290LP8/2026-11-22T10:15:30+01:00");
        });
    }

    @Test
    @DisplayName("A wrong or missing path token is unauthentic")
    void wrongOrMissingToken() {
        GatewayConnection connection = Deliveries.connection(Marketplace.KAUFLAND, Map.of(), Map.of("webhookToken", TOKEN));
        PathTokenVerifier verifier = new PathTokenVerifier(Marketplace.KAUFLAND);

        assertThat(verifier.verify(Deliveries.post(Marketplace.KAUFLAND, TOKEN + "x", Map.of(), "{}"), connection))
                .isInstanceOf(Verdict.Rejected.class);
        assertThat(verifier.verify(Deliveries.post(Marketplace.KAUFLAND, null, Map.of(), "{}"), connection))
                .isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    @DisplayName("A Kaufland push carries no id: byte-identical retries share the body hash, other pushes do not")
    void kauflandIdentifiedByBody() {
        GatewayConnection connection = Deliveries.connection(Marketplace.KAUFLAND, Map.of(), Map.of("webhookToken", TOKEN));
        PathTokenVerifier verifier = new PathTokenVerifier(Marketplace.KAUFLAND);

        Verdict.Verified first = (Verdict.Verified) verifier.verify(Deliveries.post(Marketplace.KAUFLAND, TOKEN, Map.of(),
                "{\"event_name\":\"order_new\",\"id_order\":\"1\"}"), connection);
        Verdict.Verified retry = (Verdict.Verified) verifier.verify(Deliveries.post(Marketplace.KAUFLAND, TOKEN, Map.of(),
                "{\"event_name\":\"order_new\",\"id_order\":\"1\"}"), connection);
        Verdict.Verified other = (Verdict.Verified) verifier.verify(Deliveries.post(Marketplace.KAUFLAND, TOKEN, Map.of(),
                "{\"event_name\":\"order_new\",\"id_order\":\"2\"}"), connection);

        assertThat(first.topic()).isEqualTo("order_new");
        assertThat(retry.eventId()).isEqualTo(first.eventId());
        assertThat(other.eventId()).isNotEqualTo(first.eventId());
    }
}

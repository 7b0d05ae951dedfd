package io.nexusconnect.gateway.intake;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.gateway.connections.ConnectionView;
import io.nexusconnect.gateway.dedupe.DuplicateWindow;
import io.nexusconnect.gateway.publish.WebhookPublisher;
import io.nexusconnect.gateway.ratelimit.RateLimiter;
import io.nexusconnect.gateway.request.RequestHeaders;
import io.nexusconnect.gateway.request.WebhookRequest;
import io.nexusconnect.gateway.support.TestClock;
import io.nexusconnect.gateway.verify.PathTokenVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NoBrokerTest {
    static final String TOKEN = "kT9_token-of-this-connection-0123456789";

    @Test
    @DisplayName("With no broker reachable, a verified delivery is answered 503 and its retry is not taken for a duplicate")
    void unavailableBrokerMeans503() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        TestClock clock = new TestClock();
        KeyRing ring = KeyRing.parse("k1:" + Base64.getEncoder().encodeToString(new byte[32]), "k1");
        CredentialSealer sealer = new CredentialSealer(ring);
        ConnectionView view = new ConnectionView(sealer);
        UUID id = UUID.randomUUID();
        view.apply(new ConnectionSnapshot(id, "tenant-a", Marketplace.BOL, null, "bol", Map.of(), ConnectionState.ACTIVE,
                new ConnectionSettings(SyncInterval.HOURLY, null, OrderLookback.THIRTY_DAYS, 0, true, null), null,
                sealer.seal(id.toString(), Map.of("webhookToken", TOKEN)), 1, clock.instant()));
        DuplicateWindow window = new DuplicateWindow(clock, Duration.ofHours(24));
        String body = "{\"timestamp\":\"t\",\"event\":{\"resource\":\"ORDER\",\"type\":\"NEW\",\"resourceId\":\"1\"}}";
        WebhookRequest request = new WebhookRequest(Marketplace.BOL, id, "POST", "/api/webhooks/bol/" + id, TOKEN,
                RequestHeaders.of(Map.of()), "application/json", body.getBytes(StandardCharsets.UTF_8));

        try (WebhookPublisher publisher = new WebhookPublisher("127.0.0.1:" + deadPort, "no-broker", "test", Duration.ofSeconds(60))) {
            WebhookIntake intake = new WebhookIntake(view, Map.of(Marketplace.BOL, new PathTokenVerifier(Marketplace.BOL)),
                    new RateLimiter(clock, 10, 10), window, publisher, clock, Duration.ofSeconds(1));

            IntakeOutcome first = intake.receive(request);
            IntakeOutcome retry = intake.receive(request);

            assertThat(first).isInstanceOfSatisfying(IntakeOutcome.Refused.class, r -> assertThat(r.status()).isEqualTo(503));
            assertThat(retry).isInstanceOfSatisfying(IntakeOutcome.Refused.class, r -> assertThat(r.status()).isEqualTo(503));
        }
    }
}

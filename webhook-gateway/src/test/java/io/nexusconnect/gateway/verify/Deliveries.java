package io.nexusconnect.gateway.verify;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.gateway.connections.GatewayConnection;
import io.nexusconnect.gateway.connections.WebhookSecrets;
import io.nexusconnect.gateway.request.RequestHeaders;
import io.nexusconnect.gateway.request.WebhookRequest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Connections and deliveries for the verifier tests. */
final class Deliveries {
    static final UUID CONNECTION = UUID.fromString("5d0c5a4e-2f7e-4d4b-9d7a-3c1f2f0b9e11");

    private Deliveries() {
    }

    static GatewayConnection connection(Marketplace marketplace, Map<String, String> properties, Map<String, String> secrets) {
        return new GatewayConnection(CONNECTION, "tenant-a", marketplace, properties.get("shopDomain"), properties, false,
                new WebhookSecrets(secrets), 1, null);
    }

    static WebhookRequest post(Marketplace marketplace, String token, Map<String, String> headers, String body) {
        return post(marketplace, token, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static WebhookRequest post(Marketplace marketplace, String token, Map<String, String> headers, byte[] body) {
        return new WebhookRequest(marketplace, CONNECTION, "POST", "/api/webhooks/" + marketplace.id() + "/" + CONNECTION,
                token, RequestHeaders.of(headers), "application/json", body);
    }
}

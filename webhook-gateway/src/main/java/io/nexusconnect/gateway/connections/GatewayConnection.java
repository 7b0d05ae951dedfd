package io.nexusconnect.gateway.connections;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;

import java.util.Map;
import java.util.UUID;

/**
 * What the gateway knows of one connection: enough to route, verify and mark a delivery, and the snapshot itself
 * (credentials still sealed), which travels with each delivery so the adapter can fetch what a thin payload names.
 */
public record GatewayConnection(
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        String accountId,
        Map<String, String> properties,
        boolean paused,
        WebhookSecrets secrets,
        long version,
        ConnectionSnapshot snapshot) {

    public String property(String name) {
        return properties == null ? null : properties.get(name);
    }
}

package io.nexusconnect.gateway.connections;

import io.nexusconnect.contracts.Marketplace;

import java.util.Map;
import java.util.UUID;

/** What the gateway knows of one connection: enough to route, verify and mark a delivery. */
public record GatewayConnection(
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        String accountId,
        Map<String, String> properties,
        boolean paused,
        WebhookSecrets secrets,
        long version) {

    public String property(String name) {
        return properties == null ? null : properties.get(name);
    }
}

package io.nexusconnect.contracts.connection;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.security.SealedSecret;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The whole state of one connection, as published on the compacted {@code nexus.connections.v1} after every change.
 *
 * @param accountId  the marketplace account: Amazon selling partner id, Shopify shop domain, ...
 * @param properties the non-secret connection fields of the marketplace's credential schema (region, marketplace ids)
 * @param policy     the tenant's global settings (retries, alert cooldown, default interval) as of this snapshot;
 *                   absent (null) in snapshots written before tenant policies existed: consumers fall back to defaults
 * @param credentials the secret fields, sealed; never present in clear text anywhere
 * @param version    increases with every change; consumers ignore a snapshot older than the one they hold
 */
public record ConnectionSnapshot(
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        String accountId,
        String label,
        Map<String, String> properties,
        ConnectionState state,
        ConnectionSettings settings,
        TenantPolicy policy,
        SealedSecret credentials,
        long version,
        Instant updatedAt) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.connection.snapshot.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return connectionId.toString();
    }

    public String property(String name) {
        return properties == null ? null : properties.get(name);
    }
}

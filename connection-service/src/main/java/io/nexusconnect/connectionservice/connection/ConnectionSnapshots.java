package io.nexusconnect.connectionservice.connection;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.security.SealedSecret;

/** The event form of a connection: what {@code nexus.connections.v1} carries after every change. */
public final class ConnectionSnapshots {
    private ConnectionSnapshots() {
    }

    /** The connection with its tenant's global settings resolved into it. */
    public static ConnectionSnapshot of(ConnectionEntity c, TenantPolicy policy) {
        return new ConnectionSnapshot(c.id, c.tenantId, Marketplace.of(c.marketplace), c.accountId, c.label,
                c.properties, ConnectionState.of(c.state), c.settings, policy,
                new SealedSecret(c.credentialsKeyId, SealedSecret.AES_256_GCM, c.credentialsNonce, c.credentialsCiphertext),
                c.version, c.updatedAt);
    }
}

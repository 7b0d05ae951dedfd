package io.nexusconnect.contracts.testing;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;

import java.time.Instant;
import java.util.UUID;

/**
 * Test Connection: the adapter makes one cheap call with these (sealed) credentials and replies on
 * {@code nexus.connection-tests.replies.v1} with the same requestId. The connection may not be saved yet.
 */
public record ConnectionTestRequested(
        UUID requestId,
        Marketplace marketplace,
        ConnectionSnapshot connection,
        Instant requestedAt,
        Instant expiresAt) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.connection-test.requested.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return connection.connectionId().toString();
    }
}

package io.nexusconnect.contracts.testing;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a {@link ConnectionTestRequested}: valid with the marketplace's name for the account
 * ("Amazon US") and the seller name, or the classified error.
 */
public record ConnectionTestResult(
        UUID requestId,
        UUID connectionId,
        Marketplace marketplace,
        boolean valid,
        String marketplaceName,
        String sellerName,
        ErrorCode errorCode,
        String message,
        Instant testedAt) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.connection-test.result.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return connectionId.toString();
    }
}

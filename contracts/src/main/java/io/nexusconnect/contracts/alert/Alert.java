package io.nexusconnect.contracts.alert;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.status.StatusError;

import java.time.Instant;
import java.util.UUID;

/** A connection entered error or became unhealthy; raised at most once per connection and error per cooldown. */
public record Alert(
        UUID alertId,
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        Kind kind,
        StatusError error,
        Instant raisedAt) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.alert.v1";

    public enum Kind { ERROR, UNHEALTHY }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return connectionId.toString();
    }
}

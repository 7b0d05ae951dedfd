package io.nexusconnect.subscriber.kafka;

import io.nexusconnect.contracts.alert.Alert;
import io.nexusconnect.subscriber.PublicTopics;

/** Reads {@link Alert} events of {@link PublicTopics#ALERTS}; see {@link NexusEventDeserializer}. */
public final class AlertDeserializer extends NexusEventDeserializer<Alert> {
    public AlertDeserializer() {
        super(PublicTopics.ALERTS);
    }
}

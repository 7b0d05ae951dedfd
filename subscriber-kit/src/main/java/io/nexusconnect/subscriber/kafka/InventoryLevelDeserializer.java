package io.nexusconnect.subscriber.kafka;

import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.subscriber.PublicTopics;

/** Reads {@link InventoryLevel} events of {@link PublicTopics#INVENTORY}; see {@link NexusEventDeserializer}. */
public final class InventoryLevelDeserializer extends NexusEventDeserializer<InventoryLevel> {
    public InventoryLevelDeserializer() {
        super(PublicTopics.INVENTORY);
    }
}

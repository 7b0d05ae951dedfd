package io.nexusconnect.subscriber.kafka;

import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.subscriber.PublicTopics;

/** Reads {@link Order} events of {@link PublicTopics#ORDERS}; see {@link NexusEventDeserializer}. */
public final class OrderDeserializer extends NexusEventDeserializer<Order> {
    public OrderDeserializer() {
        super(PublicTopics.ORDERS);
    }
}

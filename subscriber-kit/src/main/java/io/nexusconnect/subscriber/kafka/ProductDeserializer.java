package io.nexusconnect.subscriber.kafka;

import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.subscriber.PublicTopics;

/** Reads {@link Product} events of {@link PublicTopics#PRODUCTS}; see {@link NexusEventDeserializer}. */
public final class ProductDeserializer extends NexusEventDeserializer<Product> {
    public ProductDeserializer() {
        super(PublicTopics.PRODUCTS);
    }
}

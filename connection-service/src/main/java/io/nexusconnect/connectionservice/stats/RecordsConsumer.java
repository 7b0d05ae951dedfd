package io.nexusconnect.connectionservice.stats;

import io.nexusconnect.connectionservice.inbox.InboundProcessing;
import io.nexusconnect.connectionservice.inbox.IncomingRecords;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.Product;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code nexus.products.v1} and {@code nexus.orders.v1} → the quick stats of the cards. The offset is committed after
 * the count is; a redelivered or re-synced record is found in {@code seen_records} and counts nothing.
 */
@ApplicationScoped
public class RecordsConsumer {
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    StatsCounter counter;
    @Inject
    InboundProcessing inbound;

    @Incoming("products")
    public Uni<Void> product(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return inbound.process(record, r -> IncomingRecords.decode(r, Product.TYPE, Product.class),
                p -> sessions.withTransaction((session, tx) ->
                        counter.countProduct(session, p.connectionId(), p.tenantId(), p.externalId(), p.health())));
    }

    @Incoming("orders")
    public Uni<Void> order(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return inbound.process(record, r -> {
                    Order o = IncomingRecords.decode(r, Order.TYPE, Order.class);
                    require(o.purchasedAt() != null || o.observedAt() != null, "an order record needs purchasedAt or observedAt");
                    return o;
                },
                o -> sessions.withTransaction((session, tx) ->
                        counter.countOrder(session, o.connectionId(), o.tenantId(), o.externalId(),
                                o.purchasedAt() != null ? o.purchasedAt() : o.observedAt())));
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new MalformedEventException(reason);
        }
    }
}

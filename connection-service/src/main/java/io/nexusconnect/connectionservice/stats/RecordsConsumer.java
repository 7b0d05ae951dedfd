package io.nexusconnect.connectionservice.stats;

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

    @Incoming("products")
    public Uni<Void> product(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> IncomingRecords.decode(record, Product.class))
                .invoke(p -> require(p.connectionId() != null && p.tenantId() != null && p.externalId() != null, "product"))
                .chain(p -> IncomingRecords.retryTransient(sessions.withTransaction((session, tx) ->
                        counter.countProduct(session, p.connectionId(), p.tenantId(), p.externalId(), p.health()))))
                .replaceWithVoid();
    }

    @Incoming("orders")
    public Uni<Void> order(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> IncomingRecords.decode(record, Order.class))
                .invoke(o -> require(o.connectionId() != null && o.tenantId() != null && o.externalId() != null
                        && (o.purchasedAt() != null || o.observedAt() != null), "order"))
                .chain(o -> IncomingRecords.retryTransient(sessions.withTransaction((session, tx) ->
                        counter.countOrder(session, o.connectionId(), o.tenantId(), o.externalId(),
                                o.purchasedAt() != null ? o.purchasedAt() : o.observedAt()))))
                .replaceWithVoid();
    }

    private static void require(boolean condition, String kind) {
        if (!condition) {
            throw new MalformedEventException("a " + kind + " record needs connectionId, tenantId and externalId");
        }
    }
}

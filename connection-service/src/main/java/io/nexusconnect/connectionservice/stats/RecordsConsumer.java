package io.nexusconnect.connectionservice.stats;

import io.nexusconnect.connectionservice.inbox.InboundProcessing;
import io.nexusconnect.connectionservice.inbox.IncomingRecords;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.connectionservice.index.IndexedKind;
import io.nexusconnect.connectionservice.index.RecordIndex;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.Product;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;

/**
 * {@code nexus.products.v1}, {@code nexus.orders.v1} and {@code nexus.inventory.v1} → the record index
 * ({@link RecordIndex}: every key a connection has on the state topics, with the time it was last seen) and the quick
 * stats of the cards. The offset is committed after the transaction is; a redelivered or re-synced record is found in
 * the index and counts nothing; a record of a removed connection is answered with its tombstone. Tombstones (ours
 * included, which come back here) are skipped.
 */
@ApplicationScoped
public class RecordsConsumer {
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    StatsCounter counter;
    @Inject
    InboundProcessing inbound;
    @Inject
    RecordIndex index;

    @Incoming("products")
    public Uni<Void> product(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return inbound.process(record, r -> IncomingRecords.decode(r, Product.TYPE, Product.class),
                p -> sessions.withTransaction((session, tx) ->
                        counter.countProduct(session, p.connectionId(), p.tenantId(), p.externalId(), p.health(),
                                recordTime(record))));
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
                                o.purchasedAt() != null ? o.purchasedAt() : o.observedAt(), recordTime(record))));
    }

    @Incoming("inventory")
    public Uni<Void> inventory(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return inbound.process(record, r -> IncomingRecords.decode(r, InventoryLevel.TYPE, InventoryLevel.class),
                level -> sessions.withTransaction((session, tx) -> index.sighted(session, IndexedKind.INVENTORY,
                        level.connectionId(), level.tenantId(), level.sku(), recordTime(record))));
    }

    /** When the producer wrote the record: the sighting time a listing-removal decision compares with a cycle's start. */
    private static Instant recordTime(ConsumerRecord<String, String> record) {
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new MalformedEventException(reason);
        }
    }
}

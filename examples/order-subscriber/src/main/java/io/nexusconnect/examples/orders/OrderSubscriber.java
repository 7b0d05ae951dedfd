package io.nexusconnect.examples.orders;

import io.nexusconnect.contracts.kafka.FailureClass;
import io.nexusconnect.contracts.kafka.RetryBackoff;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.subscriber.PublicTopics;
import io.nexusconnect.subscriber.kafka.NexusRecord;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps {@link OrderTable} in step with {@code nexus.orders.v1}. The offset is committed only after the method
 * returns, i.e. after the row is committed: a crash re-delivers the record, which the upsert rule absorbs. A record
 * that is not an order is thrown back to the connector, which dead-letters it with the reason; while PostgreSQL is
 * away the record is retried here and the partition waits, so nothing valid is skipped.
 */
@ApplicationScoped
public class OrderSubscriber {
    private final OrderTable table;
    private final AtomicLong handled = new AtomicLong();

    public OrderSubscriber(OrderTable table) {
        this.table = table;
    }

    @Incoming("orders")
    @Blocking
    public void onOrder(ConsumerRecord<String, String> record) throws InterruptedException {
        NexusRecord<Order> order = NexusRecord.read(record, PublicTopics.ORDERS);
        for (int failures = 1; ; failures++) {
            try {
                table.apply(order);
                handled.incrementAndGet();
                return;
            } catch (RuntimeException e) {
                if (FailureClass.of(e) != FailureClass.TRANSIENT) {
                    throw e;
                }
                Thread.sleep(RetryBackoff.CONSUMERS.after(failures).toMillis());
            }
        }
    }

    /** Records applied to the table so far (every decision counts: applied, duplicate, stale, removed). */
    public long handled() {
        return handled.get();
    }
}

package io.nexusconnect.connectionservice.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The log of messages a consumer has applied. Recording an id in the same transaction as the message's effect makes
 * a redelivered message (after a rebalance or a crash before the offset commit) a no-op.
 */
@ApplicationScoped
public class ProcessedMessages {
    private static final String RECORD = "insert into processed_messages (consumer, message_id) values (:consumer, :id) "
            + "on conflict do nothing";

    /** True when {@code messageId} is new for {@code consumer}; it is then recorded (within the caller's transaction). */
    public Uni<Boolean> firstTime(Mutiny.Session session, String consumer, String messageId) {
        return session.createNativeQuery(RECORD)
                .setParameter("consumer", consumer)
                .setParameter("id", messageId)
                .executeUpdate()
                .map(inserted -> inserted > 0);
    }
}

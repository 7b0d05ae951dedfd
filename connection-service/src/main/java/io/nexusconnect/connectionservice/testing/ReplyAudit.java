package io.nexusconnect.connectionservice.testing;

import io.nexusconnect.connectionservice.inbox.InboundProcessing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Dead-letters unreadable Test Connection replies. {@link ReplyListener} reads every reply on every replica without a
 * consumer group, so it can only skip a bad one; this consumer group sees each reply on exactly one replica, and a
 * reply that does not read goes to {@code nexus.connection-tests.replies.v1.dlq} with the reason. It keeps no state:
 * the waiting caller still gets its timeout answer.
 */
@ApplicationScoped
public class ReplyAudit {
    @Inject
    InboundProcessing inbound;

    @Incoming("connection-test-replies")
    public Uni<Void> audit(ConsumerRecord<String, String> record) {
        return inbound.process(record, ReplyListener::read, reply -> Uni.createFrom().voidItem());
    }
}

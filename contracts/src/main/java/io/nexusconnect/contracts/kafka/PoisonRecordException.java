package io.nexusconnect.contracts.kafka;

/**
 * A record that can never be processed as it is: it cannot be decoded, it violates its contract, or the system it is
 * meant for refused it for good. {@link FailureClass#of} calls it {@link FailureClass#POISON}: it is dead-lettered
 * once, with this message as {@code dlq.reason}, and the consumer moves on.
 */
public class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String reason) {
        super(reason);
    }

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

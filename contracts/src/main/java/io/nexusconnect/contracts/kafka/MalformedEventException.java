package io.nexusconnect.contracts.kafka;

/** A record that cannot be understood (not JSON, not the event its contract describes): poison, with the reason. */
public class MalformedEventException extends PoisonRecordException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

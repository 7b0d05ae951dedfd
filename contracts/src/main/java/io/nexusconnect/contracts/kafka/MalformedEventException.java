package io.nexusconnect.contracts.kafka;

/** A record that cannot be understood; consumers route it to the topic's DLQ with this message as the reason. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

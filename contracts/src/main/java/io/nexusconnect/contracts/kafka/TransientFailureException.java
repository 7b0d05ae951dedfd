package io.nexusconnect.contracts.kafka;

/**
 * Processing failed because something it depends on is unavailable for now (a database, a broker, a remote service),
 * not because of the record. Thrown by code that knows so; {@link FailureClass#of} also recognises the usual
 * database, network and timeout exceptions without it.
 */
public class TransientFailureException extends RuntimeException {
    public TransientFailureException(String message) {
        super(message);
    }

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}

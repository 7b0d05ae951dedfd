package io.nexusconnect.adapterkit.sync;

/** The record itself is unusable (unreadable, wrong marketplace, missing parts): it goes to the DLQ, not retried. */
public class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String reason) {
        super(reason);
    }

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

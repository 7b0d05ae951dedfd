package io.nexusconnect.amazon.reports;

/** A report document that cannot be read as the order tracking report; the message names the row and the cell. */
public final class MalformedReportException extends RuntimeException {
    public MalformedReportException(String message) {
        super(message);
    }
}

package io.nexusconnect.gateway.verify;

/**
 * Verification could not be done right now (the marketplace's key service is down or slow): the delivery is neither
 * authentic nor forged yet, so it is answered 503 and the marketplace retries.
 */
public class VerificationUnavailable extends RuntimeException {
    public VerificationUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

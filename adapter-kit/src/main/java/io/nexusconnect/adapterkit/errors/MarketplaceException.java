package io.nexusconnect.adapterkit.errors;

import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncError;

import java.time.Duration;
import java.util.Optional;

/**
 * A marketplace call failed in a way the seller or the operator should see: the classified code plus what the
 * marketplace answered. The message is written by the adapter from the marketplace's answer, never from the request,
 * so it cannot carry credentials.
 */
public class MarketplaceException extends RuntimeException {
    private final ErrorCode code;
    private final Integer httpStatus;
    private final String rawResponse;
    private final String requestId;
    private final Duration retryAfter;

    public MarketplaceException(ErrorCode code, String message, Integer httpStatus, String rawResponse, String requestId,
                                Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.rawResponse = rawResponse;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    public MarketplaceException(ErrorCode code, String message) {
        this(code, message, null, null, null, null, null);
    }

    public ErrorCode code() {
        return code;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String rawResponse() {
        return rawResponse;
    }

    public String requestId() {
        return requestId;
    }

    /** How long the marketplace asked us to wait (Retry-After), when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether trying again later can succeed: throttling, outages, unreadable answers, timeouts, and a fault of ours
     * without an HTTP status. What the seller or operator must fix, and a 4xx about our request, would fail again.
     */
    public boolean isTransient() {
        return switch (code) {
            case RATE_LIMITED, MARKETPLACE_UNAVAILABLE, MALFORMED_RESPONSE, TIMEOUT -> true;
            case INTERNAL -> httpStatus == null && !(getCause() instanceof io.nexusconnect.contracts.security.CredentialSealer.SealingException);
            default -> false;
        };
    }

    public SyncError toSyncError() {
        return SyncError.of(code, getMessage(), httpStatus, rawResponse, requestId);
    }
}

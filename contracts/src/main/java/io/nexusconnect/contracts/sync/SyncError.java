package io.nexusconnect.contracts.sync;

/**
 * Why a cycle failed. {@code rawResponse} is the marketplace's own answer (truncated to 16 KiB), kept for the
 * expandable rows of the sync history; it never holds credentials, because requests are not echoed.
 */
public record SyncError(ErrorCode code, String message, Integer httpStatus, String rawResponse, String requestId) {
    public static final int MAX_RAW_RESPONSE = 16 * 1024;

    public static SyncError of(ErrorCode code, String message, Integer httpStatus, String rawResponse, String requestId) {
        String raw = rawResponse != null && rawResponse.length() > MAX_RAW_RESPONSE
                ? rawResponse.substring(0, MAX_RAW_RESPONSE)
                : rawResponse;
        return new SyncError(code, message, httpStatus, raw, requestId);
    }
}

package io.nexusconnect.sims.amazon.http;

import io.nexusconnect.sims.common.http.SimResponse;

/** Ends a request early with a ready error response (validation failures, unknown resources). */
public final class SpApiException extends RuntimeException {
    private final transient SimResponse response;

    public SpApiException(SimResponse response) {
        super("SP-API error " + response.status(), null, false, false);
        this.response = response;
    }

    public static SpApiException invalidInput(String details) {
        return new SpApiException(SpApiErrors.invalidInput(details));
    }

    public static SpApiException badRequest(String message) {
        return new SpApiException(SpApiErrors.badRequest(message));
    }

    public SimResponse response() {
        return response;
    }
}

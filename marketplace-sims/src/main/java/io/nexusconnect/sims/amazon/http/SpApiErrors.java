package io.nexusconnect.sims.amazon.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

/**
 * SP-API {@code ErrorList} bodies ({@code {"errors":[{code, message, details}]}}). Codes and messages are the ones
 * Amazon answers with (sources in BEHAVIOR.md); {@code x-amzn-ErrorType} is the API gateway's error header.
 */
public final class SpApiErrors {
    public static final String ERROR_TYPE = "x-amzn-ErrorType";
    public static final String ACCESS_DENIED = "Access to requested resource is denied.";
    public static final String TOKEN_MISSING = "Access token is missing in the request header.";
    public static final String TOKEN_INVALID = "The access token you provided is revoked, malformed or invalid.";
    public static final String TOKEN_EXPIRED = "The access token you provided has expired.";
    public static final String INVALID_INPUT_MESSAGE =
            "The input you have submitted is not valid. Please check your input and try again.";

    private SpApiErrors() {
    }

    public static ObjectNode errorList(String code, String message, String details) {
        ObjectNode error = Json.object().put("code", code).put("message", message).put("details", details);
        ObjectNode body = Json.object();
        body.putArray("errors").add(error);
        return body;
    }

    public static SimResponse of(int status, String code, String message, String details) {
        return SimResponse.json(status, errorList(code, message, details));
    }

    /** 403 as the gateway answers when the token or the application's authorization does not allow the call. */
    public static SimResponse unauthorized(String details) {
        return of(403, "Unauthorized", ACCESS_DENIED, details).withHeader(ERROR_TYPE, "AccessDeniedException");
    }

    public static SimResponse quotaExceeded() {
        return of(429, "QuotaExceeded", "You exceeded your quota for the requested resource.", "")
                .withHeader(ERROR_TYPE, "TooManyRequestsException");
    }

    public static SimResponse internalFailure(int status) {
        return of(status, "InternalFailure", "We encountered an internal error. Please try again.", "");
    }

    /** Orders/Sellers style validation error (v0 APIs use {@code InvalidInput}). */
    public static SimResponse invalidInput(String details) {
        return of(400, "InvalidInput", INVALID_INPUT_MESSAGE, details);
    }

    /** Listings Items style validation error (the 2021-08-01 model's examples use {@code BAD_REQUEST}). */
    public static SimResponse badRequest(String message) {
        return of(400, "BAD_REQUEST", message, "");
    }

    public static SimResponse notFound(String code, String message) {
        return of(404, code, message, "");
    }
}

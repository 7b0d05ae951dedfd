package io.nexusconnect.walmart.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.errors.ErrorBody;
import io.nexusconnect.adapterkit.errors.HttpErrorClassifier;

/**
 * Walmart's error answers ({@code {"errors":{"error":[{code, description, ...}]}}} live, a bare {@code errors} array
 * in the spec's {@code GatewayError} list; both read) in the kit's codes ({@link HttpErrorClassifier}): 401
 * TOKEN_EXPIRED, 403 SCOPE_MISSING, 429 RATE_LIMITED, 5xx MARKETPLACE_UNAVAILABLE, any other 4xx INTERNAL with
 * Walmart's code and description — unless Walmart speaks of a suspended or deactivated account (any 4xx).
 */
public final class WalmartErrors {
    /** The first error of an answer: its code and description. */
    static final ErrorBody.Shape FIRST_ERROR = json -> {
        JsonNode errors = json.path("errors");
        JsonNode first = errors.isArray() ? errors.path(0) : errors.path("error").path(0);
        return new ErrorBody(first.path("code").asText(""), first.path("description").asText(""));
    };

    public static final HttpErrorClassifier CLASSIFIER = HttpErrorClassifier.reading(FIRST_ERROR)
            .accountSuspendedWhen((status, error) -> error.mentions("suspend", "deactivat"));

    private WalmartErrors() {
    }

    /** The first error of a raw answer, read tolerantly: a body of another shape leaves code and description empty. */
    public static ErrorBody first(String body) {
        return CLASSIFIER.errorBody(body);
    }
}

package io.nexusconnect.zalando.client;

import io.nexusconnect.adapterkit.errors.ErrorBody;
import io.nexusconnect.adapterkit.errors.HttpErrorClassifier;

/**
 * zDirect's answers (problem JSON {@code {title, status, detail}}, or OAuth's {@code {error, error_description}} from
 * the token endpoint) in the kit's codes ({@link HttpErrorClassifier}): 401 TOKEN_EXPIRED, 403 SCOPE_MISSING,
 * 429 RATE_LIMITED (with Retry-After), 5xx MARKETPLACE_UNAVAILABLE, any other 4xx INTERNAL with zDirect's title and
 * detail — unless zDirect speaks of a suspended, inactive or deactivated account (any 4xx).
 */
public final class ZalandoErrors {
    /** Problem JSON's title and detail, OAuth's error and error_description where those are missing. */
    static final ErrorBody.Shape PROBLEM = json -> new ErrorBody(
            json.path("title").asText(json.path("error").asText("")),
            json.path("detail").asText(json.path("error_description").asText("")));

    public static final HttpErrorClassifier CLASSIFIER = HttpErrorClassifier.reading(PROBLEM)
            .accountSuspendedWhen((status, problem) -> problem.mentions("suspend", "not active", "deactivat"));

    private ZalandoErrors() {
    }
}

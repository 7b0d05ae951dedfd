package io.nexusconnect.bol.client;

import io.nexusconnect.adapterkit.errors.ErrorBody;
import io.nexusconnect.adapterkit.errors.HttpErrorClassifier;

/**
 * bol's {@code Problem} answers ({@code type, title, status, detail, violations}) in the kit's codes
 * ({@link HttpErrorClassifier}): 401 TOKEN_EXPIRED, 403 SCOPE_MISSING unless bol's detail speaks of an inactive or
 * suspended account, 429 RATE_LIMITED, 5xx MARKETPLACE_UNAVAILABLE, 406 and any other 4xx INTERNAL with bol's title
 * and detail.
 */
public final class BolErrors {
    public static final HttpErrorClassifier CLASSIFIER = HttpErrorClassifier
            .reading(ErrorBody.fields("title", "detail"))
            .accountSuspendedWhen((status, problem) -> status == 403
                    && problem.messageMentions("not active", "suspend"));

    private BolErrors() {
    }

    /** A Problem's title and detail, read tolerantly: another shape leaves them empty. */
    public static ErrorBody problem(String body) {
        return CLASSIFIER.errorBody(body);
    }
}

package io.nexusconnect.adapterkit.errors;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.contracts.sync.ErrorCode;

/**
 * The classification most marketplaces share, with the adapter declaring only its error body's {@link ErrorBody.Shape}
 * and what marks a suspended account: 429 RATE_LIMITED, 5xx MARKETPLACE_UNAVAILABLE, then ACCOUNT_SUSPENDED where the
 * adapter's rule says so, 401 TOKEN_EXPIRED (a token client fetches a new token once and reports it only when that is
 * refused too), 403 SCOPE_MISSING, any other status INTERNAL. The message is
 * {@code "<operation> answered HTTP <status> (<code>: <message>)"}, from the answer only.
 */
public final class HttpErrorClassifier implements ErrorClassifier {
    private static final HttpErrorClassifier STATUS_ONLY = new HttpErrorClassifier(null, (status, error) -> false);

    /** Whether an answer (never 429 or 5xx) says the seller's account is suspended. */
    @FunctionalInterface
    public interface SuspensionRule {
        boolean suspended(int status, ErrorBody error);
    }

    private final ErrorBody.Shape shape;
    private final SuspensionRule suspension;

    private HttpErrorClassifier(ErrorBody.Shape shape, SuspensionRule suspension) {
        this.shape = shape;
        this.suspension = suspension;
    }

    /** Status codes alone; the body is not read. */
    public static HttpErrorClassifier statusOnly() {
        return STATUS_ONLY;
    }

    /** Error bodies read with {@code shape}; no answer means a suspended account unless {@link #accountSuspendedWhen}. */
    public static HttpErrorClassifier reading(ErrorBody.Shape shape) {
        return new HttpErrorClassifier(shape, (status, error) -> false);
    }

    public HttpErrorClassifier accountSuspendedWhen(SuspensionRule rule) {
        return new HttpErrorClassifier(shape, rule);
    }

    /** The error body of a raw answer (e.g. {@link MarketplaceException#rawResponse()}) read with this shape. */
    public ErrorBody errorBody(String body) {
        return shape == null ? ErrorBody.NONE : ErrorBody.read(body, shape);
    }

    @Override
    public Classification classify(String operation, MarketplaceResponse response) {
        int status = response.status();
        ErrorBody error = errorBody(response.body());
        String detail = operation + " answered HTTP " + status + error.describe();
        if (status == 429) {
            return new Classification(ErrorCode.RATE_LIMITED, detail);
        }
        if (status >= 500) {
            return new Classification(ErrorCode.MARKETPLACE_UNAVAILABLE, detail);
        }
        if (suspension.suspended(status, error)) {
            return new Classification(ErrorCode.ACCOUNT_SUSPENDED, detail);
        }
        if (status == 401) {
            return new Classification(ErrorCode.TOKEN_EXPIRED, detail);
        }
        if (status == 403) {
            return new Classification(ErrorCode.SCOPE_MISSING, detail);
        }
        return new Classification(ErrorCode.INTERNAL, detail);
    }
}

package io.nexusconnect.sims.common.faults;

import java.time.Duration;

/** One injected misbehaviour; see {@link Faults} for how it is matched to requests. */
public sealed interface Fault {

    /** Each record's kind, in one place (the switch is exhaustive, so a new record must be named here). */
    default FaultKind kind() {
        return switch (this) {
            case RateLimit f -> FaultKind.RATE_LIMIT;
            case ServerError f -> FaultKind.SERVER_ERROR;
            case ExpiredToken f -> FaultKind.EXPIRED_TOKEN;
            case InvalidGrant f -> FaultKind.INVALID_GRANT;
            case InvalidClient f -> FaultKind.INVALID_CLIENT;
            case AccountSuspended f -> FaultKind.ACCOUNT_SUSPENDED;
            case ScopeMissing f -> FaultKind.SCOPE_MISSING;
            case MalformedJson f -> FaultKind.MALFORMED_JSON;
            case Slow f -> FaultKind.SLOW;
            case InvalidSubmission f -> FaultKind.INVALID_SUBMISSION;
        };
    }

    /** 429 in the marketplace's throttling shape, with {@code Retry-After: <seconds>}. */
    record RateLimit(Duration retryAfter) implements Fault {
        public RateLimit {
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative");
            }
        }
    }

    /** 500 or 503 with the marketplace's internal-error body. */
    record ServerError(int status) implements Fault {
        public ServerError {
            if (status != 500 && status != 503) {
                throw new IllegalArgumentException("status must be 500 or 503");
            }
        }
    }

    /** The answer to an expired access token; the presented token stays expired afterwards. */
    record ExpiredToken() implements Fault {
    }

    /** The token endpoint answers {@code invalid_grant}: the refresh token was revoked or has expired. */
    record InvalidGrant() implements Fault {
    }

    /** The token endpoint answers 401 {@code invalid_client}. */
    record InvalidClient() implements Fault {
    }

    /** The answer for a deactivated or suspended seller account. */
    record AccountSuspended() implements Fault {
    }

    /** The answer for an application or token lacking the operation's role / scope. */
    record ScopeMissing() implements Fault {
    }

    /** 200 whose body is the real answer cut in half (not parseable JSON). */
    record MalformedJson() implements Fault {
    }

    /** The request is answered normally, after the delay. */
    record Slow(Duration delay) implements Fault {
        public Slow {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
        }
    }

    /**
     * A write operation answers with its API's validation rejection after the token and throttling checks, and
     * nothing changes (Amazon: patchListingsItem INVALID; eBay: per-item errors of bulk_update_price_quantity); on
     * operations without such an answer the rule is used up without effect.
     */
    record InvalidSubmission() implements Fault {
    }

    static Fault rateLimit(Duration retryAfter) {
        return new RateLimit(retryAfter);
    }

    static Fault serverError(int status) {
        return new ServerError(status);
    }

    static Fault expiredToken() {
        return new ExpiredToken();
    }

    static Fault invalidGrant() {
        return new InvalidGrant();
    }

    static Fault invalidClient() {
        return new InvalidClient();
    }

    static Fault accountSuspended() {
        return new AccountSuspended();
    }

    static Fault scopeMissing() {
        return new ScopeMissing();
    }

    static Fault malformedJson() {
        return new MalformedJson();
    }

    static Fault invalidSubmission() {
        return new InvalidSubmission();
    }

    static Fault slow(Duration delay) {
        return new Slow(delay);
    }
}

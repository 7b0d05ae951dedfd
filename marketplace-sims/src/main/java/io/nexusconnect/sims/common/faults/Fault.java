package io.nexusconnect.sims.common.faults;

import java.time.Duration;

/** One injected misbehaviour; see {@link Faults} for how it is matched to requests. */
public sealed interface Fault {

    FaultKind kind();

    /** 429 in the marketplace's throttling shape, with {@code Retry-After: <seconds>}. */
    record RateLimit(Duration retryAfter) implements Fault {
        public RateLimit {
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative");
            }
        }

        @Override
        public FaultKind kind() {
            return FaultKind.RATE_LIMIT;
        }
    }

    /** 500 or 503 with the marketplace's internal-error body. */
    record ServerError(int status) implements Fault {
        public ServerError {
            if (status != 500 && status != 503) {
                throw new IllegalArgumentException("status must be 500 or 503");
            }
        }

        @Override
        public FaultKind kind() {
            return FaultKind.SERVER_ERROR;
        }
    }

    /** The answer to an expired access token; the presented token stays expired afterwards. */
    record ExpiredToken() implements Fault {
        @Override
        public FaultKind kind() {
            return FaultKind.EXPIRED_TOKEN;
        }
    }

    /** The token endpoint answers {@code invalid_grant}: the refresh token was revoked or has expired. */
    record InvalidGrant() implements Fault {
        @Override
        public FaultKind kind() {
            return FaultKind.INVALID_GRANT;
        }
    }

    /** The token endpoint answers 401 {@code invalid_client}. */
    record InvalidClient() implements Fault {
        @Override
        public FaultKind kind() {
            return FaultKind.INVALID_CLIENT;
        }
    }

    /** The answer for a deactivated or suspended seller account. */
    record AccountSuspended() implements Fault {
        @Override
        public FaultKind kind() {
            return FaultKind.ACCOUNT_SUSPENDED;
        }
    }

    /** The answer for an application or token lacking the operation's role / scope. */
    record ScopeMissing() implements Fault {
        @Override
        public FaultKind kind() {
            return FaultKind.SCOPE_MISSING;
        }
    }

    /** 200 whose body is the real answer cut in half (not parseable JSON). */
    record MalformedJson() implements Fault {
        @Override
        public FaultKind kind() {
            return FaultKind.MALFORMED_JSON;
        }
    }

    /** The request is answered normally, after the delay. */
    record Slow(Duration delay) implements Fault {
        public Slow {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
        }

        @Override
        public FaultKind kind() {
            return FaultKind.SLOW;
        }
    }

    /**
     * A write operation answers with its API's validation rejection after the token and throttling checks, and
     * nothing changes (Amazon: patchListingsItem INVALID; eBay: per-item errors of bulk_update_price_quantity); on
     * operations without such an answer the rule is used up without effect.
     */
    record InvalidSubmission() implements Fault {
        @Override
        public FaultKind kind() {
            return FaultKind.INVALID_SUBMISSION;
        }
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

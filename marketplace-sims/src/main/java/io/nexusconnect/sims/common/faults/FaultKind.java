package io.nexusconnect.sims.common.faults;

/** The kinds of injected faults, and which endpoint each one can hit. */
public enum FaultKind {
    RATE_LIMIT(Target.ANY),
    SERVER_ERROR(Target.ANY),
    EXPIRED_TOKEN(Target.API),
    INVALID_GRANT(Target.TOKEN_ENDPOINT),
    INVALID_CLIENT(Target.TOKEN_ENDPOINT),
    ACCOUNT_SUSPENDED(Target.API),
    SCOPE_MISSING(Target.API),
    MALFORMED_JSON(Target.ANY),
    SLOW(Target.ANY),
    INVALID_SUBMISSION(Target.API);

    /** Where a fault of this kind can be answered: the marketplace's API, its OAuth token endpoint, or both. */
    public enum Target { API, TOKEN_ENDPOINT, ANY }

    private final Target target;

    FaultKind(Target target) {
        this.target = target;
    }

    public Target target() {
        return target;
    }
}

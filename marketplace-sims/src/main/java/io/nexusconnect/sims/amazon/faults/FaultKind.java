package io.nexusconnect.sims.amazon.faults;

/** The kinds of injected faults, and which endpoint each one can hit. */
public enum FaultKind {
    RATE_LIMIT(Target.ANY),
    SERVER_ERROR(Target.ANY),
    EXPIRED_TOKEN(Target.SP_API),
    INVALID_GRANT(Target.LWA),
    INVALID_CLIENT(Target.LWA),
    ACCOUNT_SUSPENDED(Target.SP_API),
    SCOPE_MISSING(Target.SP_API),
    MALFORMED_JSON(Target.ANY),
    SLOW(Target.ANY),
    INVALID_SUBMISSION(Target.SP_API);

    /** Where a fault of this kind can be answered. */
    public enum Target { SP_API, LWA, ANY }

    private final Target target;

    FaultKind(Target target) {
        this.target = target;
    }

    public Target target() {
        return target;
    }
}

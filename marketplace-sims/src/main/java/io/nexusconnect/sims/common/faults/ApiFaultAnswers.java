package io.nexusconnect.sims.common.faults;

import io.nexusconnect.sims.common.http.SimResponse;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A marketplace's answers to the faults injected at its API gateway. What each fault does is the same for every
 * marketplace (an expired token stays expired afterwards); only the answers' shapes are the marketplace's own.
 */
public record ApiFaultAnswers(Function<Duration, SimResponse> rateLimited, IntFunction<SimResponse> serverError,
                              Supplier<SimResponse> tokenExpired, Supplier<SimResponse> accountSuspended,
                              Supplier<SimResponse> scopeMissing) {

    /**
     * The answer to {@code fault}, running {@code expireToken} for an expired one; empty for the faults the gateway
     * does not answer up front (slow, malformed JSON, invalid submission, the token endpoint's).
     */
    public Optional<SimResponse> answer(Fault fault, Runnable expireToken) {
        return switch (fault) {
            case Fault.RateLimit r -> Optional.of(rateLimited.apply(r.retryAfter()));
            case Fault.ServerError s -> Optional.of(serverError.apply(s.status()));
            case Fault.ExpiredToken e -> {
                expireToken.run();
                yield Optional.of(tokenExpired.get());
            }
            case Fault.AccountSuspended a -> Optional.of(accountSuspended.get());
            case Fault.ScopeMissing s -> Optional.of(scopeMissing.get());
            default -> Optional.empty();
        };
    }
}

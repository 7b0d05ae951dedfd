package io.nexusconnect.adapterkit.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A simple per-host breaker: after {@code failureThreshold} consecutive failures (5xx, connection errors) the host is
 * not called for {@code openDuration}; then one trial call is let through (half-open) and its result closes or
 * re-opens the circuit. It keeps a marketplace outage from costing every cycle its full retry budget.
 */
public final class CircuitBreaker {
    /** The breaker's state; a sealed set so every transition is an exhaustive switch. */
    public sealed interface State permits Closed, Open, HalfOpen {
    }

    public record Closed(int consecutiveFailures) implements State {
    }

    public record Open(Instant until) implements State {
    }

    public record HalfOpen(boolean trialInFlight) implements State {
    }

    private final Clock clock;
    private final int failureThreshold;
    private final Duration openDuration;
    private State state = new Closed(0);

    public CircuitBreaker(int failureThreshold, Duration openDuration, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
        this.clock = clock;
    }

    /** Whether a call may go out now; in half-open state only the first caller gets the trial. */
    public synchronized boolean tryAcquire() {
        return switch (state) {
            case Closed closed -> true;
            case Open open -> {
                if (clock.instant().isBefore(open.until())) {
                    yield false;
                }
                state = new HalfOpen(true);
                yield true;
            }
            case HalfOpen halfOpen -> {
                if (halfOpen.trialInFlight()) {
                    yield false;
                }
                state = new HalfOpen(true);
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        state = new Closed(0);
    }

    public synchronized void onFailure() {
        state = switch (state) {
            case Closed closed -> closed.consecutiveFailures() + 1 >= failureThreshold
                    ? new Open(clock.instant().plus(openDuration))
                    : new Closed(closed.consecutiveFailures() + 1);
            case HalfOpen halfOpen -> new Open(clock.instant().plus(openDuration));
            case Open open -> open;
        };
    }

    /** A call that got its permit but ended without a verdict on the host (e.g. a 4xx) frees a half-open trial. */
    public synchronized void onNeutral() {
        if (state instanceof HalfOpen) {
            state = new Closed(0);
        }
    }

    public synchronized State state() {
        return state;
    }

    /** When a rejected caller may try again. */
    public synchronized Duration remainingOpen() {
        return state instanceof Open open ? Duration.between(clock.instant(), open.until()).abs() : Duration.ZERO;
    }
}

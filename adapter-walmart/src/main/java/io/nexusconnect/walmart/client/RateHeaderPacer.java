package io.nexusconnect.walmart.client;

import io.nexusconnect.adapterkit.client.CallPacer;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paces calls on Walmart's own rate headers: when an answer says the endpoint's bucket is empty
 * ({@code x-current-token-count: 0}), the next call of that account and operation waits until
 * {@code x-next-replenish-time} (epoch milliseconds; the Supplier docs spell it {@code X-Next-Replenishment-Time},
 * both are read). The configured token buckets stay in force; these headers only ever make us slower.
 */
public final class RateHeaderPacer implements CallPacer {
    static final String TOKEN_COUNT = "x-current-token-count";
    static final String NEXT_REPLENISH = "x-next-replenish-time";
    static final String NEXT_REPLENISHMENT = "x-next-replenishment-time";
    /** A replenish time further away than this is not believed (a clock problem, not a plan). */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();

    public RateHeaderPacer(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public void awaitTurn(String accountKey, String operation) {
        Instant until = notBefore.get(accountKey + "|" + operation);
        if (until == null) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), until);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceException(ErrorCode.INTERNAL, "interrupted while waiting for Walmart's bucket");
        }
    }

    @Override
    public void observe(String accountKey, String operation, MarketplaceResponse response) {
        Optional<Instant> until = emptyUntil(response, clock.instant());
        String key = accountKey + "|" + operation;
        until.ifPresentOrElse(u -> notBefore.put(key, u), () -> notBefore.remove(key));
    }

    /** When the answer says the bucket is empty: the time it refills, capped; otherwise empty. */
    static Optional<Instant> emptyUntil(MarketplaceResponse response, Instant now) {
        Optional<Long> count = header(response, TOKEN_COUNT).flatMap(RateHeaderPacer::number);
        if (count.isEmpty() || count.get() > 0) {
            return Optional.empty();
        }
        return header(response, NEXT_REPLENISH).or(() -> header(response, NEXT_REPLENISHMENT))
                .flatMap(RateHeaderPacer::number).map(Instant::ofEpochMilli)
                .map(at -> at.isAfter(now.plus(LONGEST_WAIT)) ? now.plus(LONGEST_WAIT) : at);
    }

    private static Optional<String> header(MarketplaceResponse response, String name) {
        return response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .filter(e -> !e.getValue().isEmpty()).map(e -> e.getValue().getFirst()).findFirst();
    }

    private static Optional<Long> number(String value) {
        try {
            return Optional.of((long) Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

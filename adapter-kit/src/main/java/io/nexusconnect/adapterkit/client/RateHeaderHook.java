package io.nexusconnect.adapterkit.client;

import java.util.Optional;

/**
 * Reads the rate a marketplace says is in force for the operation just called (Amazon: {@code x-amzn-RateLimit-Limit}
 * in requests per second), so the bucket follows dynamic usage plans instead of the documented defaults.
 */
@FunctionalInterface
public interface RateHeaderHook {
    RateHeaderHook NONE = response -> Optional.empty();

    Optional<Double> ratePerSecond(MarketplaceResponse response);

    /** A hook that reads a header holding requests per second as a decimal. */
    static RateHeaderHook header(String name) {
        return response -> response.header(name).flatMap(value -> {
            try {
                double rate = Double.parseDouble(value.trim());
                return rate > 0 ? Optional.of(rate) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}

package io.nexusconnect.local.demo;

import io.nexusconnect.sims.walmart.WalmartSimConfig;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Walmart simulator's token buckets refilled {@code speedFactor} times faster than its documented-order defaults,
 * to match an adapter-walmart started with the same speed factor (its own buckets scale by it): at the defaults, 1,500
 * orders take about 20 minutes of acknowledgements.
 */
public final class WalmartSpeed {
    private WalmartSpeed() {
    }

    public static Map<String, WalmartSimConfig.Bucket> buckets(double speedFactor) {
        return WalmartSimConfig.DEFAULT_BUCKETS.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new WalmartSimConfig.Bucket(e.getValue().perSecond() * speedFactor, e.getValue().burst())));
    }
}

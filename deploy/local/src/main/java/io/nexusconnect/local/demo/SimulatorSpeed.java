package io.nexusconnect.local.demo;

import io.nexusconnect.sims.bol.BolSimConfig;
import io.nexusconnect.sims.zalando.ZalandoSimConfig;

import java.util.Map;

/**
 * Simulators whose limits run {@code speedFactor} times faster than the documented ones, to match an adapter started
 * with the same speed factor (its own buckets scale by it). Walmart's: {@link WalmartSpeed}.
 */
public final class SimulatorSpeed {
    private SimulatorSpeed() {
    }

    /** bol's per-operation limits (published list) times {@code speedFactor}. */
    public static BolSimConfig bol(BolSimConfig config, double speedFactor) {
        BolSimConfig faster = config;
        for (Map.Entry<String, BolSimConfig.Limit> limit : config.limits().entrySet()) {
            faster = faster.withLimit(limit.getKey(), new BolSimConfig.Limit(
                    (int) Math.ceil(limit.getValue().requests() * speedFactor), limit.getValue().window()));
        }
        return faster;
    }

    /** zDirect's per-minute quotas (order lists, PATCHes, stock requests and updates) times {@code speedFactor}. */
    public static ZalandoSimConfig zalando(ZalandoSimConfig config, double speedFactor) {
        return config.withLimits(scaled(config.getOrdersPerMinute(), speedFactor),
                scaled(config.patchesPerMinute(), speedFactor), scaled(config.stockRequestsPerMinute(), speedFactor),
                scaled(config.stockUpdatesPerMinute(), speedFactor));
    }

    private static int scaled(int perMinute, double speedFactor) {
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(perMinute * speedFactor));
    }
}

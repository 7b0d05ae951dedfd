package io.nexusconnect.sims.shopify.http;

import java.time.Clock;
import java.time.Instant;

/**
 * The leaky bucket of calculated query cost per app and shop
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits): it holds {@code maximumAvailable} points,
 * restores {@code restoreRate} points per second, a query is admitted only when its requested cost is available,
 * and the difference to the actual cost is refunded after it ran.
 */
public final class CostBucket {
    private final Clock clock;
    private final double maximumAvailable;
    private final double restoreRate;
    private double available;
    private Instant updated;

    public record Status(double maximumAvailable, double currentlyAvailable, double restoreRate) {
    }

    public CostBucket(Clock clock, double maximumAvailable, double restoreRate) {
        this.clock = clock;
        this.maximumAvailable = maximumAvailable;
        this.restoreRate = restoreRate;
        this.available = maximumAvailable;
        this.updated = clock.instant();
    }

    /** Takes {@code cost} points when available; false (nothing taken) otherwise. */
    public synchronized boolean tryTake(int cost) {
        refill();
        if (available < cost) {
            return false;
        }
        available -= cost;
        return true;
    }

    public synchronized void refund(int points) {
        refill();
        available = Math.min(maximumAvailable, available + points);
    }

    public synchronized void drain() {
        refill();
        available = 0;
    }

    public synchronized void reset() {
        available = maximumAvailable;
        updated = clock.instant();
    }

    public synchronized Status status() {
        refill();
        return new Status(maximumAvailable, Math.floor(available), restoreRate);
    }

    private void refill() {
        Instant now = clock.instant();
        double seconds = Math.max(0, (now.toEpochMilli() - updated.toEpochMilli()) / 1000.0);
        available = Math.min(maximumAvailable, available + seconds * restoreRate);
        updated = now;
    }
}

package io.nexusconnect.amazon.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a first sync reads its orders through order tracking reports, and in which windows (BEHAVIOR.md, "Backfill
 * through the Reports API"). getOrderItems (0.5 rps, burst 30) costs one call per order, so a window's cost is its
 * number of orders; the estimate comes from one getOrders page over the newest part of the window (the probe): the
 * orders it holds, scaled to the whole window. A probe page that has a next page gives a lower bound. Pure.
 */
public final class BackfillPlanner {
    /** The estimated orders of a window; {@code atLeast} when the probe overflowed its page. */
    public record Estimate(long orders, boolean atLeast) {
    }

    /** One report window, both bounds inclusive like the report's dataStartTime / dataEndTime. */
    public record Window(Instant start, Instant end) {
    }

    private BackfillPlanner() {
    }

    /**
     * @param window         the whole window to read
     * @param probe          the newest part of it that one getOrders page covered
     * @param probeOrders    the orders on that page
     * @param probeOverflowed whether that page had a next page
     */
    public static Estimate estimate(Duration window, Duration probe, int probeOrders, boolean probeOverflowed) {
        long seen = probeOrders + (probeOverflowed ? 1 : 0);
        if (probe.compareTo(window) >= 0 || probe.isZero()) {
            return new Estimate(seen, probeOverflowed);
        }
        double scale = (double) window.toMillis() / probe.toMillis();
        return new Estimate((long) Math.ceil(seen * scale), probeOverflowed);
    }

    /** Reports pay off when the getOrderItems calls would exceed the threshold; a negative threshold turns them off. */
    public static boolean useReports(Estimate estimate, int threshold) {
        return threshold >= 0 && estimate.orders() > threshold;
    }

    /** [from, to] cut into consecutive windows of at most {@code max}, oldest first. */
    public static List<Window> windows(Instant from, Instant to, Duration max) {
        if (max.isZero() || max.isNegative()) {
            throw new IllegalArgumentException("a report window must be positive");
        }
        List<Window> windows = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            Instant end = start.plus(max).isBefore(to) ? start.plus(max) : to;
            windows.add(new Window(start, end));
            start = end;
        }
        return windows;
    }
}

package io.nexusconnect.amazon.sync;

import java.time.Duration;

/**
 * How long the next getOrders window of a backfill is, learnt from how many orders the last one held (BEHAVIOR.md,
 * "Slices and checkpoints"). getOrders refills at one call a minute, so a window that holds a handful of orders wastes
 * a minute; one that holds more than a page cannot be checkpointed before all its pages are read. The sizer aims every
 * window at {@value #TARGET_PERCENT} % of a page: one call per window, each window a checkpoint, and few calls beyond
 * the ⌈orders / page size⌉ the data needs. Pure: no I/O, no clock.
 */
final class SliceSizer {
    /** Aim below a full page so that the normal spread of orders over time rarely spills onto a second page. */
    static final int TARGET_PERCENT = 80;
    /** A window never grows more than this many times over the last one (an empty window says little). */
    static final int MAX_GROWTH = 8;
    /** The shortest window the sizer asks for: many orders can share one minute. */
    static final Duration MIN_LENGTH = Duration.ofMinutes(1);
    /**
     * A window shorter than this is read whole, whatever its pages: an incremental cycle's window is not split (that
     * would cost a call), and an hour of orders is read well within a cycle even for a busy seller.
     */
    static final Duration SPLIT_ABOVE = Duration.ofHours(1);

    private final double target;
    private Duration length;
    private boolean estimated;

    SliceSizer(Duration initial, int pageSize) {
        this.length = initial.compareTo(MIN_LENGTH) < 0 ? MIN_LENGTH : initial;
        this.target = Math.max(1, pageSize * TARGET_PERCENT / 100.0);
    }

    /** The length of the next window. */
    Duration length() {
        return length;
    }

    /** Whether a window of this length whose first page is full and has more is split instead of read whole. */
    boolean canSplit(Duration window) {
        return window.compareTo(SPLIT_ABOVE) > 0;
    }

    /**
     * The window's first page already had a next page: it is read again in a shorter window. Half when the length
     * came from a measured density (it missed by a little), a quarter when it was the first guess.
     */
    void overflowed(Duration window) {
        length = atLeastMin(window.dividedBy(estimated ? 2 : 4));
    }

    /** A window of this length was read whole and held this many orders. */
    void completed(Duration window, int orders) {
        double factor = orders == 0 ? MAX_GROWTH : Math.min(MAX_GROWTH, target / orders);
        length = atLeastMin(Duration.ofMillis((long) Math.max(1, window.toMillis() * factor)));
        estimated = true;
    }

    private static Duration atLeastMin(Duration value) {
        return value.compareTo(MIN_LENGTH) < 0 ? MIN_LENGTH : value;
    }
}

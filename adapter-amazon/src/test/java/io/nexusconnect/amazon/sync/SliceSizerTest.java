package io.nexusconnect.amazon.sync;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SliceSizerTest {
    private static final int PAGE = 100;

    @Test
    @DisplayName("Sparse windows grow at most eightfold, dense ones shrink toward 80 orders a window")
    void adaptsToDensity() {
        SliceSizer sizer = new SliceSizer(Duration.ofDays(7), PAGE);

        sizer.completed(Duration.ofDays(7), 0);
        assertThat(sizer.length()).isEqualTo(Duration.ofDays(56));

        sizer.completed(Duration.ofDays(56), 160);
        assertThat(sizer.length()).isEqualTo(Duration.ofDays(28));
    }

    @Test
    @DisplayName("A first guess that overflows is cut to a quarter, a measured one to a half, never below a minute")
    void overflowShrinks() {
        SliceSizer sizer = new SliceSizer(Duration.ofDays(8), PAGE);

        sizer.overflowed(Duration.ofDays(8));
        assertThat(sizer.length()).isEqualTo(Duration.ofDays(2));

        sizer.completed(Duration.ofDays(2), 80);
        sizer.overflowed(Duration.ofDays(2));
        assertThat(sizer.length()).isEqualTo(Duration.ofDays(1));

        sizer.overflowed(Duration.ofSeconds(10));
        assertThat(sizer.length()).isEqualTo(SliceSizer.MIN_LENGTH);
    }

    @Test
    @DisplayName("An incremental window of an hour or less is read whole; a longer one may be split")
    void splitOnlyLongWindows() {
        SliceSizer sizer = new SliceSizer(Duration.ofDays(7), PAGE);

        assertThat(sizer.canSplit(Duration.ofMinutes(15))).isFalse();
        assertThat(sizer.canSplit(Duration.ofHours(1))).isFalse();
        assertThat(sizer.canSplit(Duration.ofHours(2))).isTrue();
    }

    @Test
    @DisplayName("Over a year of 5,000 uniformly spread orders, the windows cost at most 40 % more getOrders calls than the 50 full pages the data needs (each window still holds about 150 s of getOrderItems, during which getOrders refills)")
    void nearTheMinimumOfCalls() {
        // given 5,000 order timestamps spread uniformly over a year
        Instant end = Instant.parse("2026-01-01T00:00:00Z");
        Instant start = end.minus(Duration.ofDays(365));
        SplittableRandom random = new SplittableRandom(7);
        List<Instant> orders = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            orders.add(start.plusSeconds(random.nextLong(Duration.ofDays(365).toSeconds())));
        }

        // when the windows are chosen as the step does (an overflowing first page is one call, then a shorter window)
        int calls = walk(orders, start, end, Duration.ofDays(7));

        // then the calls stay close to ⌈5000 / 100⌉
        assertThat(calls).isBetween(50, 70);
    }

    private static int walk(List<Instant> orders, Instant from, Instant before, Duration initial) {
        SliceSizer sizer = new SliceSizer(initial, PAGE);
        int calls = 0;
        while (from.isBefore(before)) {
            Instant end = from.plus(sizer.length());
            Instant to = end.isBefore(before) ? end : before;
            Instant lower = from;
            int count = (int) orders.stream().filter(o -> !o.isBefore(lower) && !o.isAfter(to)).count();
            Duration window = Duration.between(from, to);
            if (count > PAGE && sizer.canSplit(window)) {
                calls++;
                sizer.overflowed(window);
                continue;
            }
            calls += Math.max(1, (count + PAGE - 1) / PAGE);
            sizer.completed(window, count);
            from = to;
        }
        return calls;
    }
}

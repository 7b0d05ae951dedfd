package io.nexusconnect.amazon.reports;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillPlannerTest {
    private static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    @DisplayName("A full probe page over the newest 7 days of a year estimates at least 101 × 365 / 7 orders, over the threshold; 40 orders in a 30-day window stay below it")
    void estimate() {
        BackfillPlanner.Estimate busy = BackfillPlanner.estimate(Duration.ofDays(365), Duration.ofDays(7), 100, true);
        assertThat(busy.orders()).isEqualTo(5267);
        assertThat(busy.atLeast()).isTrue();
        assertThat(BackfillPlanner.useReports(busy, 1000)).isTrue();
        BackfillPlanner.Estimate quiet = BackfillPlanner.estimate(Duration.ofDays(30), Duration.ofDays(7), 10, false);
        assertThat(quiet.orders()).isEqualTo(43);
        assertThat(BackfillPlanner.useReports(quiet, 1000)).isFalse();
        assertThat(BackfillPlanner.useReports(busy, -1)).as("a negative threshold turns reports off").isFalse();
    }

    @Test
    @DisplayName("A year is cut into twelve 30-day windows and a last short one, each starting where the previous ended")
    void windows() {
        List<BackfillPlanner.Window> windows = BackfillPlanner.windows(FROM, FROM.plus(Duration.ofDays(365)), Duration.ofDays(30));
        assertThat(windows).hasSize(13);
        assertThat(windows.getLast().end()).isEqualTo(FROM.plus(Duration.ofDays(365)));
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).start()).isEqualTo(windows.get(i - 1).end());
        }
    }

    @Test
    @DisplayName("The backfill state survives the cursor round trip with its report ids, and continuing from a cursor inside a window starts that window at the cursor")
    void stateRoundTrip() {
        BackfillState state = BackfillState.of(BackfillPlanner.windows(FROM, FROM.plus(Duration.ofDays(60)), Duration.ofDays(30)))
                .with(0, "5001").with(1, BackfillState.API);
        BackfillState decoded = BackfillState.decode(state.encode()).orElseThrow();
        assertThat(decoded).isEqualTo(state);
        BackfillState rest = decoded.after(FROM.plus(Duration.ofDays(40)));
        assertThat(rest.windows()).hasSize(1);
        assertThat(rest.windows().getFirst().start()).isEqualTo(FROM.plus(Duration.ofDays(40)));
        assertThat(rest.windows().getFirst().byApi()).isTrue();
        assertThat(BackfillState.decode("garbage")).isEmpty();
    }
}

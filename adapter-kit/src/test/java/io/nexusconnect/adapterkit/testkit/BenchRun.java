package io.nexusconnect.adapterkit.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a benchmark scenario measured against a simulator: the calls per operation it made and how many of them the
 * simulator throttled (429), from the simulator's request log ({@code "operation status" → count}) before and after,
 * and the wall time. Also the sizes of a run ({@code NEXUS_BENCH_QUICK=1} picks the small ones) and the token-bucket
 * floor the figures are compared with.
 *
 * @param calls     operation → calls during the scenario
 * @param throttled calls answered 429
 * @param wall      measured wall time (simulator time; {@link #realSeconds} scales it back)
 */
public record BenchRun(Map<String, Long> calls, long throttled, Duration wall) {
    public static final String QUICK_VARIABLE = "NEXUS_BENCH_QUICK";

    /** Runs {@code scenario} and records what the request log saw meanwhile. */
    public static BenchRun measure(Supplier<Map<String, Long>> countsByStatus, Runnable scenario) {
        Map<String, Long> before = new TreeMap<>(countsByStatus.get());
        long start = System.nanoTime();
        scenario.run();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Long> calls = new TreeMap<>();
        long throttled = 0;
        for (Map.Entry<String, Long> entry : countsByStatus.get().entrySet()) {
            long delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            if (delta > 0) {
                int space = entry.getKey().lastIndexOf(' ');
                calls.merge(entry.getKey().substring(0, space), delta, Long::sum);
                throttled += entry.getKey().endsWith(" 429") ? delta : 0;
            }
        }
        return new BenchRun(calls, throttled, wall);
    }

    public long total() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    public long calls(String operation) {
        return calls.getOrDefault(operation, 0L);
    }

    /** The wall time in real marketplace seconds, when the simulator and the adapter ran {@code speedFactor} faster. */
    public double realSeconds(double speedFactor) {
        return wall.toNanos() / 1e9 * speedFactor;
    }

    /** Whether this run is a quick one ({@code NEXUS_BENCH_QUICK=1}, set by {@code ./nexus bench --quick}). */
    public static boolean quick() {
        String value = System.getenv(QUICK_VARIABLE);
        return value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    /**
     * A benchmark size: the system property (set by the module's {@code bench} profile), the quick size instead in a
     * quick run, and {@code testDefault} when the property is absent (the module's ordinary tests).
     */
    public static int size(String property, int testDefault, int quickSize) {
        Integer configured = Integer.getInteger(property);
        if (configured == null) {
            return testDefault;
        }
        return quick() ? Math.min(quickSize, configured) : configured;
    }

    /**
     * The least time {@code calls} take through a token bucket of {@code ratePerSecond} that starts full with
     * {@code burst} tokens: the calls beyond the burst wait for the refill.
     */
    public static double bucketFloorSeconds(long calls, double ratePerSecond, double burst) {
        return Math.max(0, calls - burst) / ratePerSecond;
    }
}

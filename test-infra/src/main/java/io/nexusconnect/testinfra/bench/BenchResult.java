package io.nexusconnect.testinfra.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of the performance table ({@code ./nexus bench}): what one benchmark scenario measured, next to the floor
 * the marketplace's documented limits allow. Every field but {@code suite}, {@code subject} and {@code scenario} is
 * optional (null = not applicable), so one shape serves a first sync, a stock push, webhook latency and the stack.
 *
 * @param suite        {@code P1} first sync, {@code P2} webhook intake, {@code P3} webhook → order latency,
 *                     {@code P4} stock push, {@code P5} stack start, {@code orchestrator} scheduling cost
 * @param subject      the marketplace ({@code amazon}, {@code ebay}, ...) or the component ({@code webhook-gateway})
 * @param scenario     what ran, in a few words with the sizes ("1,000 orders, 30 days")
 * @param calls        calls per operation the scenario made (operation → count)
 * @param callsFloor   the fewest calls the marketplace's API allows for the same data
 * @param wallSeconds  the measured wall time, in real marketplace seconds (scaled back when a speed factor ran it faster)
 * @param floorSeconds the token-bucket floor: the least time those calls take at the documented rates
 * @param throttled    calls the marketplace answered 429 (or its throttling equivalent)
 * @param figures      other figures by name, with the unit in the name ({@code p99Ms}, {@code rssMiB}, {@code perSecond})
 * @param notes        one line that explains a figure a reader would otherwise misread
 */
public record BenchResult(String suite, String subject, String scenario, Map<String, Long> calls, Long callsFloor,
                          Double wallSeconds, Double floorSeconds, Long throttled, Map<String, Object> figures,
                          String notes) {
    public BenchResult {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scenario, "scenario");
        calls = calls == null ? Map.of() : Map.copyOf(new TreeMap<>(calls));
        figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** Starts a row; the builder's setters fill in what the scenario measured. */
    public static Builder of(String suite, String subject, String scenario) {
        return new Builder(suite, subject, scenario);
    }

    /** Total calls over every operation, or null when the scenario counted none. */
    @JsonProperty("callsTotal")
    public Long callsTotal() {
        return calls.isEmpty() ? null : calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Wall time over the floor; null when either is unknown or the floor is zero. */
    @JsonProperty("ratio")
    public Double ratio() {
        return wallSeconds == null || floorSeconds == null || floorSeconds <= 0 ? null : wallSeconds / floorSeconds;
    }

    public static final class Builder {
        private final String suite;
        private final String subject;
        private final String scenario;
        private Map<String, Long> calls = Map.of();
        private Long callsFloor;
        private Double wallSeconds;
        private Double floorSeconds;
        private Long throttled;
        private final Map<String, Object> figures = new LinkedHashMap<>();
        private String notes;

        private Builder(String suite, String subject, String scenario) {
            this.suite = suite;
            this.subject = subject;
            this.scenario = scenario;
        }

        public Builder calls(Map<String, Long> calls) {
            this.calls = calls;
            return this;
        }

        public Builder callsFloor(long callsFloor) {
            this.callsFloor = callsFloor;
            return this;
        }

        public Builder wallSeconds(double wallSeconds) {
            this.wallSeconds = wallSeconds;
            return this;
        }

        public Builder floorSeconds(double floorSeconds) {
            this.floorSeconds = floorSeconds;
            return this;
        }

        public Builder throttled(long throttled) {
            this.throttled = throttled;
            return this;
        }

        public Builder figure(String name, Object value) {
            figures.put(name, value);
            return this;
        }

        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        public BenchResult build() {
            return new BenchResult(suite, subject, scenario, calls, callsFloor, wallSeconds, floorSeconds, throttled,
                    figures, notes);
        }

        /** Builds the row and records it ({@link BenchRecorder#record}). */
        public BenchResult record() {
            return BenchRecorder.record(build());
        }
    }
}

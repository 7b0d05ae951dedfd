package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.orchestrator.Fixtures;
import io.nexusconnect.orchestrator.engine.Input;
import io.nexusconnect.orchestrator.engine.Outbound;
import io.nexusconnect.orchestrator.engine.ShardEngine;
import io.nexusconnect.orchestrator.schedule.RetryPolicy;
import io.nexusconnect.orchestrator.schedule.SchedulePolicy;
import io.nexusconnect.orchestrator.schedule.Scheduler;
import io.nexusconnect.orchestrator.state.SyncStateCodec;
import io.nexusconnect.orchestrator.status.StatusDeriver;
import io.nexusconnect.testinfra.bench.BenchResult;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schedules N connections (default 100,000; 10,000 with {@code NEXUS_BENCH_QUICK=1}) through the real engine and
 * record encoding of one member, prints CPU time and heap per 10,000 connections and records them as the
 * {@code orchestrator} row of {@code ./nexus bench} ({@link BenchResult}). Kafka I/O is left out: it is the broker's and the network's cost, and the
 * loop does nothing else per record than what runs here (decide, derive, encode JSON). Not part of {@code verify}
 * (the name matches no test pattern); run it with {@code ./mvnw -o -B -pl sync-orchestrator -Pbench verify}
 * ({@code -Dbench.connections=N} to change the count) or as a main class. It checks that the simulated day ran exactly
 * the cycles the intervals call for; the figures are printed, never asserted.
 */
class ScheduleBenchmark {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final SyncInterval[] INTERVALS = SyncInterval.values();

    /** What {@code NEXUS_BENCH_QUICK=1} (a smoke run of {@code ./nexus bench --quick}) schedules at most. */
    private static final int QUICK_CONNECTIONS = 10_000;

    @Test
    @DisplayName("Benchmark: schedule 100,000 connections for a simulated day and record CPU and heap per 10,000")
    void scheduleConnections() {
        int configured = Integer.getInteger("bench.connections", 100_000);
        boolean quick = "1".equals(System.getenv("NEXUS_BENCH_QUICK"));
        int total = (quick ? Math.min(configured, QUICK_CONNECTIONS) : configured) / 4 * 4;
        long cycles = run(total);
        // per 4 connections (15m, 1h, 4h, daily) in a day after the first cycle: 95 + 23 + 5 + 0
        assertThat(cycles).isEqualTo(total / 4 * 123L);
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 100_000);
    }

    private static long run(int total) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ShardEngine engine = new ShardEngine(new Scheduler(SchedulePolicy.defaults(), RetryPolicy.defaults()), new StatusDeriver(3));
        OutboundRecords encoder = new OutboundRecords("/nexus/bench");
        long heapBefore = usedHeapAfterGc();

        long start = cpu.getCurrentThreadCpuTime();
        List<SyncRequested> first = new ArrayList<>(total);
        long records = 0;
        for (int i = 0; i < total; i++) {
            UUID id = new UUID(0x5EED_0000L + i, i * 0x9E3779B97F4A7C15L);
            var snapshot = Fixtures.snapshot(id, ConnectionState.ACTIVE, INTERVALS[i % INTERVALS.length], 1);
            records += encode(engine.handle(new Input.SnapshotReceived(i % 6, snapshot), T0), encoder, first, T0);
        }
        long onboardNanos = cpu.getCurrentThreadCpuTime() - start;

        start = cpu.getCurrentThreadCpuTime();
        Instant completedAt = T0.plusSeconds(60);
        for (SyncRequested request : first) {
            records += encode(engine.handle(new Input.SyncEventReceived(0, Fixtures.succeeded(request, Fixtures.CURSORS, completedAt)),
                    completedAt), encoder, null, completedAt);
        }
        long completeNanos = cpu.getCurrentThreadCpuTime() - start;
        first.clear();
        long heapUsed = usedHeapAfterGc() - heapBefore;

        start = cpu.getCurrentThreadCpuTime();
        int idleTicks = 20;
        for (int i = 0; i < idleTicks; i++) {
            engine.tick(completedAt.plusSeconds(i));
        }
        long idleTickNanos = (cpu.getCurrentThreadCpuTime() - start) / idleTicks;

        // a simulated day: a tick every 5 minutes, every requested cycle answered with SyncCompleted at once
        start = cpu.getCurrentThreadCpuTime();
        long cycles = 0;
        List<SyncRequested> launched = new ArrayList<>();
        for (Instant now = T0.plus(Duration.ofMinutes(5)); now.isBefore(T0.plus(Duration.ofDays(1))); now = now.plus(Duration.ofMinutes(5))) {
            launched.clear();
            records += encode(engine.tick(now), encoder, launched, now);
            for (SyncRequested request : launched) {
                records += encode(engine.handle(new Input.SyncEventReceived(0, Fixtures.succeeded(request, Fixtures.CURSORS, now)), now),
                        encoder, null, now);
            }
            cycles += launched.size();
        }
        long dayNanos = cpu.getCurrentThreadCpuTime() - start;

        long stateBytes = engine.find(new UUID(0x5EED_0000L, 0)).map(owned -> SyncStateCodec.encode(owned.state()).length).orElse(0);
        double per10k = total / 10_000.0;
        System.out.printf("connections                      %,d (intervals 15m/1h/4h/daily in equal parts)%n", total);
        System.out.printf("heap retained                    %.1f MiB per 10,000 connections%n", heapUsed / per10k / (1 << 20));
        System.out.printf("CPU onboarding (first requests)  %.0f ms per 10,000 connections%n", onboardNanos / per10k / 1e6);
        System.out.printf("CPU first completions            %.0f ms per 10,000 connections%n", completeNanos / per10k / 1e6);
        System.out.printf("CPU idle tick (nothing due)      %.2f ms per 10,000 connections%n", idleTickNanos / per10k / 1e6);
        System.out.printf("CPU simulated day                %.0f ms per 10,000 connections (%,d cycles: request + completion)%n",
                dayNanos / per10k / 1e6, cycles);
        System.out.printf("CPU per cycle                    %.1f µs%n", dayNanos / (double) Math.max(1, cycles) / 1e3);
        System.out.printf("records encoded                  %,d; state record %d bytes per connection%n", records, stateBytes);
        BenchResult.of("orchestrator", "sync-orchestrator", String.format(Locale.ROOT, "%,d connections, a simulated day", total))
                .figure("connections", total)
                .figure("cpuMsOnboardingPer10k", round(onboardNanos / per10k / 1e6))
                .figure("cpuMsFirstCompletionsPer10k", round(completeNanos / per10k / 1e6))
                .figure("cpuMsIdleTickPer10k", round(idleTickNanos / per10k / 1e6))
                .figure("cpuMsDayPer10k", round(dayNanos / per10k / 1e6))
                .figure("heapMiBPer10k", round(heapUsed / per10k / (1 << 20)))
                .figure("cycles", cycles)
                .figure("cpuMicrosPerCycle", round(dayNanos / (double) Math.max(1, cycles) / 1e3))
                .figure("stateBytesPerConnection", stateBytes)
                .notes("CPU time of the one thread that decides, derives and encodes (Kafka I/O left out); heap retained after GC")
                .record();
        return cycles;
    }

    private static long encode(List<Outbound> out, OutboundRecords encoder, List<SyncRequested> requests, Instant now) {
        for (Outbound outbound : out) {
            encoder.toRecord(outbound, now);
            if (requests != null && outbound instanceof Outbound.RequestSync request) {
                requests.add(request.request());
            }
        }
        return out.size();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

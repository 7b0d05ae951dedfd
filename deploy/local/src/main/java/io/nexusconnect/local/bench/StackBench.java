package io.nexusconnect.local.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.local.process.ResourceUsage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code P5} row of {@code ./nexus bench}: how long the whole local stack takes from launch until every service is
 * ready, and the memory of all its processes then and once every demo connection finished its first sync. Written as
 * one JSON file in the shape of test-infra's {@code BenchResult} (suite, subject, scenario, wallSeconds, figures,
 * notes), into the directory named by {@code NEXUS_BENCH_DIR}, else {@code nexus.bench.dir}, else {@code target/bench}
 * — where {@code BenchRecorder} writes. The launcher does not take test-infra on its class path (it would bring the
 * Quarkus test framework and Testcontainers into the launcher and the broker's {@code lib/}) for one small file.
 */
public final class StackBench {
    public static final String SUITE = "P5";
    public static final String SUBJECT = "local-stack";

    /**
     * What one bench start measured.
     *
     * @param readySeconds      from the launcher's start until every service answered ready
     * @param atReady           every process's memory then
     * @param firstSyncsSeconds from the launcher's start until every demo connection was active (null: no demo)
     * @param afterFirstSyncs   every process's memory then (null: no demo)
     * @param cdsArchivesMapped services that started with their AppCDS archive (a first start records it instead)
     */
    public record Measurement(int marketplaces, int ordersEach, double speed, int services, double readySeconds,
                              ResourceUsage.Report atReady, Double firstSyncsSeconds,
                              ResourceUsage.Report afterFirstSyncs, int cdsArchivesMapped, String jvmTuning) {
        /** The row's scenario: what ran, the key a later run's row is compared by. */
        public String scenario() {
            return String.format(Locale.ROOT, "%d marketplaces, %,d orders each, speed %.0f, JVM tuning %s",
                    marketplaces, ordersEach, speed, jvmTuning);
        }
    }

    private StackBench() {
    }

    /** The row as {@code BenchResult} writes it; every figure's unit is in its name. */
    public static Map<String, Object> row(Measurement measurement) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("readySeconds", round(measurement.readySeconds()));
        figures.put("rssMiBAtReady", mib(measurement.atReady().rssKiB()));
        figures.put("pssMiBAtReady", mib(measurement.atReady().pssKiB()));
        figures.put("cpuSecondsToReady", round(measurement.atReady().cpuSeconds()));
        if (measurement.afterFirstSyncs() != null && measurement.firstSyncsSeconds() != null) {
            figures.put("firstSyncsSeconds", round(measurement.firstSyncsSeconds()));
            figures.put("rssMiBAfterFirstSyncs", mib(measurement.afterFirstSyncs().rssKiB()));
            figures.put("pssMiBAfterFirstSyncs", mib(measurement.afterFirstSyncs().pssKiB()));
        }
        figures.put("processes", measurement.atReady().processes());
        figures.put("services", measurement.services());
        figures.put("cdsArchivesMapped", measurement.cdsArchivesMapped());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("suite", SUITE);
        row.put("subject", SUBJECT);
        row.put("scenario", measurement.scenario());
        row.put("wallSeconds", round(measurement.readySeconds()));
        row.put("figures", figures);
        row.put("notes", "stack start in a fresh work dir: wall = launch until every /q/health/ready answers (budget < 60 s); "
                + "RSS sums every process (pages shared between JVMs in each), PSS splits them (budget < 3 GiB RSS)");
        return row;
    }

    /** Writes the row and returns its file. */
    public static Path record(Measurement measurement) {
        Path file = directory().resolve((SUITE + "-" + SUBJECT + "-" + slug(measurement.scenario()) + ".json")
                .toLowerCase(Locale.ROOT));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(row(measurement)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark row " + file, e);
        }
        return file;
    }

    static Path directory() {
        String dir = System.getenv("NEXUS_BENCH_DIR");
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("nexus.bench.dir");
        }
        return Path.of(dir == null || dir.isBlank() ? "target/bench" : dir);
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static long mib(long kib) {
        return Math.round(kib / 1024.0);
    }
}

package io.nexusconnect.testinfra.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.nexusconnect.contracts.kafka.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a benchmark's {@link BenchResult} as one JSON file, where {@code ./nexus bench} collects the rows of a run into
 * its table: the directory named by the environment variable {@code NEXUS_BENCH_DIR} (set by {@code ./nexus bench}, and
 * inherited by the forked test JVM), else the system property {@code nexus.bench.dir}, else {@code target/bench} of the
 * working directory (a benchmark run by hand). The file name is derived from suite, subject and scenario, so a
 * scenario run twice keeps its last figures. The row is printed too ({@code BENCH {...}}), for a run by hand.
 */
public final class BenchRecorder {
    public static final String DIR_VARIABLE = "NEXUS_BENCH_DIR";
    public static final String DIR_PROPERTY = "nexus.bench.dir";

    private BenchRecorder() {
    }

    public static BenchResult record(BenchResult result) {
        Path file = directory().resolve(fileName(result));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(result) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark result " + file, e);
        }
        System.out.println("BENCH " + Json.write(result));
        return result;
    }

    public static Path directory() {
        String dir = System.getenv(DIR_VARIABLE);
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty(DIR_PROPERTY);
        }
        return Path.of(dir == null || dir.isBlank() ? "target/bench" : dir);
    }

    static String fileName(BenchResult result) {
        return (slug(result.suite()) + "-" + slug(result.subject()) + "-" + slug(result.scenario()) + ".json");
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        // cut after the separators are trimmed, so trim again: a cut may end on one
        return (slug.length() > 60 ? slug.substring(0, 60) : slug).replaceAll("-$", "");
    }
}

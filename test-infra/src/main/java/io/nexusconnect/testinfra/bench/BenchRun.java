package io.nexusconnect.testinfra.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nexusconnect.contracts.kafka.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one {@code ./nexus bench} run left in its directory ({@code target/bench/run-<UTC time>/}):
 * <ul>
 *   <li>{@code machine.json}: the machine facts the script collected (CPU, cores, RAM, OS, JDK, commit, load);</li>
 *   <li>{@code modules.tsv}: one line per module it ran, {@code module<TAB>exit code<TAB>seconds};</li>
 *   <li>{@code rows/<module>/*.json}: the rows that module's benchmarks recorded ({@link BenchRecorder}; the script
 *       points {@code NEXUS_BENCH_DIR} at that module's directory, so every row is known by the module that made it).</li>
 * </ul>
 *
 * @param modules in the order they ran
 * @param rows    in table order: by suite ({@link #SUITES} first), then module order, then file name
 */
public record BenchRun(Path directory, Map<String, Object> machine, List<ModuleRun> modules, List<BenchRow> rows) {
    /** The suites in the order the table shows them; any other suite follows, alphabetically. */
    public static final List<String> SUITES = List.of("P1", "P2", "P3", "P4", "P5", "orchestrator");

    /** How one module's benchmarks ended. */
    public record ModuleRun(String module, int exitCode, double seconds) {
        public boolean failed() {
            return exitCode != 0;
        }

        /** The module's directory name under {@code rows/} and {@code logs/}: its path with '/' as '-'. */
        public String slug() {
            return slug(module);
        }

        public static String slug(String module) {
            return module.replace('/', '-');
        }
    }

    /** One recorded row and the module whose benchmarks recorded it. */
    public record BenchRow(String module, BenchResult result) {
        /** What identifies a row across runs. */
        public String key() {
            return key(result.suite(), result.subject(), result.scenario());
        }

        public static String key(String suite, String subject, String scenario) {
            return suite + " | " + subject + " | " + scenario;
        }
    }

    public static BenchRun read(Path directory) {
        Map<String, Object> machine = new LinkedHashMap<>();
        Path machineFile = directory.resolve("machine.json");
        if (Files.isRegularFile(machineFile)) {
            try {
                machine.putAll(Json.mapper().readValue(machineFile.toFile(), new TypeReference<Map<String, Object>>() {
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + machineFile, e);
            }
        }
        List<ModuleRun> modules = modules(directory.resolve("modules.tsv"));
        List<BenchRow> rows = new ArrayList<>();
        List<String> order = modules.stream().map(ModuleRun::module).distinct().toList();
        for (String module : order) {
            rows.addAll(rows(module, directory.resolve("rows").resolve(ModuleRun.slug(module))));
        }
        rows.sort(Comparator.comparingInt((BenchRow row) -> suiteRank(row.result().suite()))
                .thenComparing(row -> row.result().suite())
                .thenComparingInt(row -> order.indexOf(row.module())));
        return new BenchRun(directory, machine, List.copyOf(modules), List.copyOf(rows));
    }

    /** The rows of {@code module}. */
    public List<BenchRow> rowsOf(String module) {
        return rows.stream().filter(row -> row.module().equals(module)).toList();
    }

    static int suiteRank(String suite) {
        int rank = SUITES.indexOf(suite);
        return rank < 0 ? SUITES.size() : rank;
    }

    /** {@code module<TAB>exit code<TAB>seconds} per line; a line that does not parse is a script bug, said loudly. */
    static List<ModuleRun> modules(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<ModuleRun> modules = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length < 3) {
                    throw new IllegalArgumentException("not 'module<TAB>exit code<TAB>seconds' in " + file + ": " + line);
                }
                modules.add(new ModuleRun(fields[0].trim(), Integer.parseInt(fields[1].trim()),
                        Double.parseDouble(fields[2].trim())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return modules;
    }

    /** The rows in {@code dir}, by file name; a file that is not a row is skipped with a warning, not fatal. */
    static List<BenchRow> rows(String module, Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<BenchRow> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    rows.add(new BenchRow(module, Json.read(Files.readString(file), BenchResult.class)));
                } catch (RuntimeException e) {
                    System.err.println("nexus bench: skipping " + file + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return rows;
    }
}

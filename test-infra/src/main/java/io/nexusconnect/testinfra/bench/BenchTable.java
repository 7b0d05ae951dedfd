package io.nexusconnect.testinfra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.testinfra.bench.BenchRun.BenchRow;
import io.nexusconnect.testinfra.bench.BenchRun.ModuleRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The table of {@code ./nexus bench}: reads a run's directory ({@link BenchRun}), prints the command line, the machine
 * and one table of every row grouped by suite, with each row's change against the previous run, and lists the modules
 * that failed or recorded nothing. Writes {@code summary.json} (machine facts, modules and rows: what the next run
 * compares with) and {@code table.md} into the run, and copies both to {@code latest.json} / {@code latest.md} beside
 * it. A row's change is against the newest earlier run ({@code run-*} beside it) that has the same row.
 *
 * <pre>java -cp … io.nexusconnect.testinfra.bench.BenchTable target/bench/run-20261130T120000Z</pre>
 */
public final class BenchTable {
    static final List<String> COLUMNS = List.of("suite", "subject", "scenario", "calls", "floor calls", "wall s",
            "floor s", "ratio", "throttled", "change", "other figures");

    private BenchTable() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BenchTable <run directory>   (e.g. target/bench/run-20261130T120000Z)");
            System.exit(2);
        }
        Path runDir = Path.of(args[0]).toAbsolutePath().normalize();
        Path benchRoot = runDir.getParent();
        BenchRun run = BenchRun.read(runDir);
        Optional<Previous> previous = Previous.read(benchRoot, runDir.getFileName().toString());
        String table = render(run, previous);
        System.out.print(table);
        write(runDir.resolve("table.md"), table);
        write(runDir.resolve("summary.json"), json(summary(run, previous)));
        copy(runDir.resolve("table.md"), benchRoot.resolve("latest.md"));
        copy(runDir.resolve("summary.json"), benchRoot.resolve("latest.json"));
        System.out.println("\nwritten: " + runDir.resolve("summary.json") + ", " + runDir.resolve("table.md")
                + " (copied to " + benchRoot.resolve("latest.json") + ", latest.md)");
    }

    /**
     * What the change column compares with: per row key, the row of the newest earlier run that has it (a run with
     * {@code --only} holds a few rows, so the one before it need not have them all).
     *
     * @param run  the newest earlier run
     * @param rows by key; each row carries the name of its run as {@code run}
     */
    record Previous(String run, Map<String, JsonNode> rows) {
        /** The summaries of the runs under {@code benchRoot} named before {@code current} (the names sort by time). */
        static Optional<Previous> read(Path benchRoot, String current) {
            List<JsonNode> summaries = new ArrayList<>();
            try (Stream<Path> runs = Files.list(benchRoot)) {
                for (Path run : runs.filter(dir -> dir.getFileName().toString().startsWith("run-")
                        && dir.getFileName().toString().compareTo(current) < 0).sorted(Comparator.reverseOrder()).toList()) {
                    Path summary = run.resolve("summary.json");
                    if (Files.isRegularFile(summary)) {
                        summaries.add(Json.mapper().readTree(summary.toFile()));
                    }
                }
            } catch (IOException e) {
                System.err.println("nexus bench: earlier runs not read, no change column: " + e.getMessage());
                return Optional.empty();
            }
            return merge(summaries);
        }

        /** @param summaries newest first */
        static Optional<Previous> merge(List<JsonNode> summaries) {
            if (summaries.isEmpty()) {
                return Optional.empty();
            }
            Map<String, JsonNode> rows = new LinkedHashMap<>();
            for (JsonNode summary : summaries) {
                summary.path("rows").forEach(row -> rows.putIfAbsent(BenchRow.key(row.path("suite").asText(),
                        row.path("subject").asText(), row.path("scenario").asText()),
                        ((ObjectNode) row.deepCopy()).put("run", summary.path("run").asText())));
            }
            return Optional.of(new Previous(summaries.getFirst().path("run").asText(), rows));
        }
    }

    /** The whole text: header, table, modules without rows, notes. Markdown, with columns aligned for a terminal. */
    static String render(BenchRun run, Optional<Previous> previous) {
        StringBuilder text = new StringBuilder();
        Map<String, Object> machine = run.machine();
        text.append("## nexus bench · ").append(run.directory().getFileName()).append("\n\n");
        text.append("- command: `").append(machine.getOrDefault("command", "./nexus bench")).append("`\n");
        text.append("- machine: ").append(BenchFormat.machine(machine)).append('\n');
        text.append("- run: ").append(BenchFormat.timing(machine));
        previous.ifPresent(before -> text.append("; change against the newest earlier run with the same row (the newest: ")
                .append(before.run()).append(')'));
        text.append("\n\n");

        List<List<String>> cells = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (BenchRow row : run.rows()) {
            BenchResult result = row.result();
            String scenario = result.scenario();
            if (result.notes() != null && !result.notes().isBlank()) {
                notes.add(result.notes());
                scenario += " [" + notes.size() + "]";
            }
            cells.add(List.of(result.suite(), result.subject(), scenario, BenchFormat.count(result.callsTotal()),
                    BenchFormat.count(result.callsFloor()), BenchFormat.seconds(result.wallSeconds()),
                    BenchFormat.seconds(result.floorSeconds()), BenchFormat.ratio(result.ratio()),
                    BenchFormat.count(result.throttled()),
                    previous.map(before -> change(result, before.rows().get(row.key()))).orElse(""),
                    BenchFormat.otherFigures(result)));
        }
        text.append(BenchFormat.markdown(COLUMNS, cells));
        if (cells.isEmpty()) {
            text.append("\n(no rows recorded)\n");
        }
        text.append('\n').append(modules(run));
        for (int i = 0; i < notes.size(); i++) {
            text.append(i == 0 ? "\nnotes:\n" : "").append("  [").append(i + 1).append("] ").append(notes.get(i)).append('\n');
        }
        return text.toString();
    }

    /** Every module with its outcome; the failed ones and the ones without rows stand out. */
    static String modules(BenchRun run) {
        StringBuilder ran = new StringBuilder();
        List<String> failed = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (ModuleRun module : run.modules()) {
            int rows = run.rowsOf(module.module()).size();
            ran.append(ran.isEmpty() ? "" : ", ").append(module.module()).append(' ')
                    .append(module.failed() ? "FAILED" : rows + (rows == 1 ? " row" : " rows"))
                    .append(String.format(" (%.0f s)", module.seconds()));
            String log = run.directory().resolve("logs").resolve(module.slug() + ".log").toString();
            if (module.failed()) {
                failed.add(module.module() + " (exit " + module.exitCode() + (rows > 0 ? ", " + rows + " rows kept" : "")
                        + "; log " + log + ")");
            } else if (rows == 0) {
                empty.add(module.module() + " (log " + log + ")");
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("modules: ").append(ran.isEmpty() ? "none ran" : ran).append('\n');
        if (!failed.isEmpty()) {
            text.append("failed: ").append(String.join(", ", failed)).append('\n');
        }
        if (!empty.isEmpty()) {
            text.append("no rows: ").append(String.join(", ", empty)).append('\n');
        }
        return text.toString();
    }

    /**
     * The row's change against the previous run's row of the same key: of the ratio (wall over floor) when both have
     * one, else of the wall time, else of the first figure both have; {@code new} when the previous run had no such row.
     */
    static String change(BenchResult now, JsonNode before) {
        if (before == null) {
            return "new";
        }
        if (now.ratio() != null && before.path("ratio").isNumber()) {
            return BenchFormat.change("ratio", before.path("ratio").asDouble(), now.ratio());
        }
        if (now.wallSeconds() != null && before.path("wallSeconds").isNumber()) {
            return BenchFormat.change("wall", before.path("wallSeconds").asDouble(), now.wallSeconds());
        }
        for (Map.Entry<String, Object> figure : now.figures().entrySet()) {
            JsonNode old = before.path("figures").path(figure.getKey());
            if (figure.getValue() instanceof Number value && old.isNumber()) {
                return BenchFormat.change(figure.getKey(), old.asDouble(), value.doubleValue());
            }
        }
        return "";
    }

    /** What {@code summary.json} holds: the run, its machine, its modules and every row with its module. */
    static ObjectNode summary(BenchRun run, Optional<Previous> previous) {
        ObjectNode summary = Json.mapper().createObjectNode();
        summary.put("run", run.directory().getFileName().toString());
        summary.set("machine", Json.mapper().valueToTree(run.machine()));
        previous.ifPresent(before -> summary.put("comparedWith", before.run()));
        ArrayNode modules = summary.putArray("modules");
        for (ModuleRun module : run.modules()) {
            modules.addObject().put("module", module.module()).put("exitCode", module.exitCode())
                    .put("seconds", module.seconds()).put("rows", run.rowsOf(module.module()).size());
        }
        ArrayNode rows = summary.putArray("rows");
        for (BenchRow row : run.rows()) {
            ObjectNode node = rows.addObject().put("module", row.module());
            node.setAll((ObjectNode) Json.mapper().valueToTree(row.result()));
        }
        return summary;
    }

    private static String json(JsonNode node) {
        try {
            return Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}

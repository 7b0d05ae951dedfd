package io.nexusconnect.testinfra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTableTest {
    @TempDir
    Path benchRoot;

    @AfterEach
    void clearDirectory() {
        System.clearProperty(BenchRecorder.DIR_PROPERTY);
    }

    @Test
    void aRunIsReadByModuleAndShownGroupedBySuiteWithTheModulesThatFailedOrRecordedNothing() throws Exception {
        Path run = runWithThreeModules("run-20261130T120000Z", 40.0);

        BenchRun read = BenchRun.read(run);
        String table = BenchTable.render(read, Optional.empty());

        assertThat(read.rows()).extracting(row -> row.result().suite()).containsExactly("P1", "P2", "orchestrator");
        assertThat(read.rows().getFirst().module()).isEqualTo("adapter-ebay");
        assertThat(table)
                .contains("- command: `./nexus bench --quick`")
                .contains("Test CPU · 2 cores · 24.0 GiB RAM · Ubuntu 24.04 (Linux 6.8.0) · JDK 25.0.1 · commit abc1234 "
                        + "+ uncommitted changes · load average 0.50 at start, 1.75 at end")
                .contains("started 2026-11-30T12:00:00Z, 3 min 5 s")
                .containsPattern("\\| P1 +\\| ebay +\\| 1,000 orders \\(30 days\\) \\[1] +\\| 21 +\\| 21 +\\| 40.0 +\\| 20.0 +"
                        + "\\| 2.00 +\\| 3 +\\| +\\| getOrders 20 · token 1; records 1,000")
                .contains("perSecond 1,234, shareOfBare 0.87")
                .contains("cpuMsPer10k 12.3, heapMiBPer10k 4.50")
                .contains("failed: adapter-bol (exit 1; log " + run.resolve("logs/adapter-bol.log") + ")")
                .contains("no rows: deploy/local (log " + run.resolve("logs/deploy-local.log") + ")")
                .contains("[1] bulk endpoint not used");
        assertThat(table.lines().filter(line -> line.startsWith("|")).map(String::length).distinct()).hasSize(1);
    }

    @Test
    void eachRowShowsItsChangeAgainstTheNewestEarlierRunThatHasTheSameScenario() throws Exception {
        Path before = runWithThreeModules("run-20261130T110000Z", 50.0);
        BenchTable.main(new String[]{before.toString()});
        Path onlyTheStack = benchRoot.resolve("run-20261130T113000Z");
        Files.createDirectories(onlyTheStack);
        Files.writeString(onlyTheStack.resolve("modules.tsv"), "deploy/local\t0\t90\n");
        recordInto(onlyTheStack, "deploy/local");
        BenchResult.of("P5", "local-stack", "7 marketplaces").wallSeconds(60).record();
        BenchTable.main(new String[]{onlyTheStack.toString()});
        Path now = runWithThreeModules("run-20261130T120000Z", 40.0);
        BenchResult.of("P4", "ebay", "10,000 SKUs").wallSeconds(5).record();
        recordInto(now, "deploy/local");
        BenchResult.of("P5", "local-stack", "7 marketplaces").wallSeconds(45).record();

        BenchTable.main(new String[]{now.toString()});

        String table = Files.readString(benchRoot.resolve("latest.md"));
        assertThat(table).contains("change against the newest earlier run with the same row (the newest: run-20261130T113000Z)")
                .contains("wall 60.0→45.0 (-25%)")
                .contains("ratio 2.50→2.00 (-20%)")
                .contains("perSecond 1,234→1,234 (+0%)")
                .containsPattern("\\| P4 +\\| ebay +\\| 10,000 SKUs .*\\| new ");
        JsonNode summary = Json.mapper().readTree(benchRoot.resolve("latest.json").toFile());
        assertThat(summary.path("run").asText()).isEqualTo("run-20261130T120000Z");
        assertThat(summary.path("comparedWith").asText()).isEqualTo("run-20261130T113000Z");
        assertThat(summary.path("machine").path("cores").asInt()).isEqualTo(2);
        assertThat(summary.path("modules")).hasSize(4);
        JsonNode first = summary.path("rows").get(0);
        assertThat(first.path("module").asText()).isEqualTo("adapter-ebay");
        assertThat(first.path("ratio").asDouble()).isEqualTo(2.0);
        assertThat(first.path("calls").path("getOrders").asLong()).isEqualTo(20);
        assertThat(Files.readString(now.resolve("table.md"))).isEqualTo(table);
    }

    @Test
    void aChangeFallsBackFromTheRatioToTheWallTimeToTheFirstFigureBothRunsHave() {
        JsonNode wallOnly = Json.mapper().valueToTree(Map.of("wallSeconds", 50.0));
        JsonNode figuresOnly = Json.mapper().valueToTree(Map.of("figures", Map.of("readySeconds", 40, "rssMiB", 2000)));

        assertThat(BenchTable.change(BenchResult.of("P5", "local-stack", "all").wallSeconds(45).build(), wallOnly))
                .isEqualTo("wall 50.0→45.0 (-10%)");
        assertThat(BenchTable.change(BenchResult.of("P5", "local-stack", "all").figure("rssMiB", 2100).build(), figuresOnly))
                .isEqualTo("rssMiB 2,000→2,100 (+5%)");
        assertThat(BenchTable.change(BenchResult.of("P5", "local-stack", "all").figure("processes", 25).build(), figuresOnly))
                .isEmpty();
        assertThat(BenchTable.change(BenchResult.of("P5", "local-stack", "all").build(), null)).isEqualTo("new");
    }

    @Test
    void aCellWithAPipeOrANewlineKeepsItsMarkdownRowWhole() {
        String table = BenchFormat.markdown(List.of("a", "b"), List.of(List.of("x|y", "two\nlines")));

        assertThat(table.lines().toList()).containsExactly("| a    | b         |", "|------|-----------|",
                "| x\\|y | two lines |");
    }

    /** adapter-ebay recorded a P1 and a P2 row, sync-orchestrator one, adapter-bol failed, deploy/local recorded none. */
    private Path runWithThreeModules(String name, double ebayWallSeconds) throws Exception {
        Path run = benchRoot.resolve(name);
        Files.createDirectories(run);
        Files.writeString(run.resolve("machine.json"), """
                {"command": "./nexus bench --quick", "cpuModel": "Test CPU", "cores": 2, "memTotalKiB": 25165824,
                 "os": "Ubuntu 24.04", "kernel": "Linux 6.8.0", "jdk": "25.0.1", "commit": "abc1234", "dirty": true,
                 "loadStart": "0.50", "loadEnd": "1.75", "startedAt": "2026-11-30T12:00:00Z", "seconds": 185,
                 "somethingNew": "ignored"}
                """);
        Files.writeString(run.resolve("modules.tsv"), "sync-orchestrator\t0\t45\nadapter-ebay\t0\t100.5\n"
                + "adapter-bol\t1\t12\ndeploy/local\t0\t90\n");
        recordInto(run, "sync-orchestrator");
        BenchResult.of("orchestrator", "sync-orchestrator", "10,000 connections").figure("cpuMsPer10k", 12.34)
                .figure("heapMiBPer10k", 4.5).record();
        recordInto(run, "adapter-ebay");
        BenchResult.of("P2", "webhook-gateway", "burst").figure("perSecond", 1234).figure("shareOfBare", 0.87).record();
        BenchResult.of("P1", "ebay", "1,000 orders (30 days)").calls(Map.of("getOrders", 20L, "token", 1L)).callsFloor(21)
                .wallSeconds(ebayWallSeconds).floorSeconds(20).throttled(3).figure("records", 1000)
                .notes("bulk endpoint not used").record();
        Files.createDirectories(run.resolve("rows/deploy-local"));
        Files.writeString(run.resolve("rows/deploy-local/not-a-row.json"), "[1, 2]");
        return run;
    }

    private static void recordInto(Path run, String module) {
        System.setProperty(BenchRecorder.DIR_PROPERTY, run.resolve("rows").resolve(BenchRun.ModuleRun.slug(module)).toString());
    }
}

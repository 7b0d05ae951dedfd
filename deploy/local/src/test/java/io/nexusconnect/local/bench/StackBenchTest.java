package io.nexusconnect.local.bench;

import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.local.process.ResourceUsage;
import io.nexusconnect.testinfra.bench.BenchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackBenchTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearDirectory() {
        System.clearProperty("nexus.bench.dir");
    }

    @Test
    void theStackStartIsRecordedAsAP5RowThatTestInfrasBenchResultReads() throws Exception {
        System.setProperty("nexus.bench.dir", dir.toString());
        ResourceUsage.Report atReady = new ResourceUsage.Report(List.of(
                new ResourceUsage.Usage("kafka", 1, 250 * 1024, 200 * 1024, 10.0),
                new ResourceUsage.Usage("adapter-ebay", 1, 120 * 1024, 90 * 1024, 5.5)));
        ResourceUsage.Report afterFirstSyncs = new ResourceUsage.Report(List.of(
                new ResourceUsage.Usage("kafka", 1, 300 * 1024, 240 * 1024, 20.0)));

        Path file = StackBench.record(new StackBench.Measurement(7, 1500, 100, 10, 44.24, atReady, 61.0, afterFirstSyncs,
                10, "cds"));

        assertThat(file.getFileName().toString()).isEqualTo("p5-local-stack-7-marketplaces-1-500-orders-each-speed-100-jvm-tuning-cds.json");
        BenchResult row = Json.read(Files.readString(file), BenchResult.class);
        assertThat(row.suite()).isEqualTo("P5");
        assertThat(row.subject()).isEqualTo("local-stack");
        assertThat(row.scenario()).isEqualTo("7 marketplaces, 1,500 orders each, speed 100, JVM tuning cds");
        assertThat(row.wallSeconds()).isEqualTo(44.2);
        assertThat(row.figures()).containsEntry("readySeconds", 44.2).containsEntry("rssMiBAtReady", 370)
                .containsEntry("pssMiBAtReady", 290).containsEntry("cpuSecondsToReady", 15.5)
                .containsEntry("firstSyncsSeconds", 61.0).containsEntry("rssMiBAfterFirstSyncs", 300)
                .containsEntry("processes", 2).containsEntry("cdsArchivesMapped", 10);
    }
}

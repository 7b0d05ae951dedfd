package io.nexusconnect.testinfra.bench;

import io.nexusconnect.contracts.kafka.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchRecorderTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearDirectory() {
        System.clearProperty(BenchRecorder.DIR_PROPERTY);
    }

    @Test
    void aRecordedRowIsReadBackWithItsTotalsAndRatio() throws Exception {
        System.setProperty(BenchRecorder.DIR_PROPERTY, dir.toString());

        BenchResult.of("P1", "ebay", "1,000 orders (30 days)")
                .calls(Map.of("getOrders", 5L, "token", 1L)).callsFloor(6).wallSeconds(3.0).floorSeconds(2.0)
                .throttled(0).figure("records", 1000).record();

        Path file = dir.resolve("p1-ebay-1-000-orders-30-days.json");
        String json = Files.readString(file);
        assertThat(json).contains("\"callsTotal\" : 6").contains("\"ratio\" : 1.5");
        BenchResult read = Json.read(json, BenchResult.class);
        assertThat(read.calls()).containsEntry("getOrders", 5L).containsEntry("token", 1L);
        assertThat(read.figures()).containsEntry("records", 1000);
        assertThat(read.ratio()).isEqualTo(1.5);
    }
}

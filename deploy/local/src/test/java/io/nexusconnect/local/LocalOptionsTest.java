package io.nexusconnect.local;

import io.nexusconnect.contracts.Marketplace;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("./nexus local options")
class LocalOptionsTest {

    @Test
    @DisplayName("Without a marketplace option all seven run, with heap caps and CDS archives, on the fixed ports")
    void everythingByDefault() {
        LocalOptions options = LocalOptions.parse(new String[0], Map.of());

        assertThat(options.marketplaces()).isEqualTo(EnumSet.allOf(Marketplace.class));
        assertThat(options.jvm()).isEqualTo(LocalJvm.CDS);
        assertThat(options.port(8081)).isEqualTo(8081);
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.postgresPort()).isEqualTo(5432);
    }

    @Test
    @DisplayName("--only, the per-marketplace flags and their environment variables choose one subset together")
    void subsets() {
        assertThat(LocalOptions.parse(new String[]{"--only", "amazon,Shopify"}, Map.of()).marketplaces())
                .containsExactlyInAnyOrder(Marketplace.AMAZON, Marketplace.SHOPIFY);
        assertThat(LocalOptions.parse(new String[]{"--ebay", "--bol"}, Map.of("NEXUS_ZALANDO", "true")).marketplaces())
                .containsExactlyInAnyOrder(Marketplace.EBAY, Marketplace.BOL, Marketplace.ZALANDO);
        assertThat(LocalOptions.parse(new String[0], Map.of("NEXUS_ONLY", "kaufland")).marketplaces())
                .containsExactly(Marketplace.KAUFLAND);
    }

    @Test
    @DisplayName("--port-offset moves every fixed port, Kafka and PostgreSQL included, unless those are given")
    void portOffset() {
        LocalOptions shifted = LocalOptions.parse(new String[]{"--port-offset", "20000"}, Map.of());
        assertThat(shifted.port(8090)).isEqualTo(28090);
        assertThat(shifted.kafkaPort()).isEqualTo(29092);
        assertThat(shifted.kafkaControllerPort()).isEqualTo(29093);
        assertThat(shifted.postgresPort()).isEqualTo(25432);

        LocalOptions explicit = LocalOptions.parse(new String[]{"--port-offset", "20000", "--kafka-port", "19092"}, Map.of());
        assertThat(explicit.kafkaPort()).isEqualTo(19092);
    }

    @Test
    @DisplayName("--port-offset auto takes the first offset from 20000 in steps of 1000 at which every port of the stack is free")
    void automaticPortOffset() {
        int taken = 20_000 + 9141; // the Zalando simulator's port at the first offset

        LocalOptions all = LocalOptions.parse(new String[]{"--port-offset", "auto", "--bench"}, Map.of(), port -> port != taken);
        LocalOptions withoutZalando = LocalOptions.parse(new String[]{"--port-offset", "auto", "--only", "ebay"}, Map.of(),
                port -> port != taken);

        assertThat(all.portOffset()).isEqualTo(21_000);
        assertThat(all.kafkaPort()).isEqualTo(30_092);
        assertThat(all.bench()).isTrue();
        assertThat(withoutZalando.portOffset()).isEqualTo(20_000);
        assertThat(withoutZalando.bench()).isFalse();
        assertThatThrownBy(() -> LocalOptions.parse(new String[]{"--port-offset", "auto"}, Map.of(), port -> false))
                .isInstanceOf(LocalOptions.UsageException.class).hasMessageContaining("no offset from 20000 to 40000");
    }

    @Test
    @DisplayName("An unknown marketplace or tuning level is a usage error that names what is known")
    void wrongValues() {
        assertThatThrownBy(() -> LocalOptions.parse(new String[]{"--only", "amazon,etsy"}, Map.of()))
                .isInstanceOf(LocalOptions.UsageException.class).hasMessageContaining("etsy")
                .hasMessageContaining("zalando");
        assertThatThrownBy(() -> LocalOptions.parse(new String[]{"--jvm-tuning", "max"}, Map.of()))
                .isInstanceOf(LocalOptions.UsageException.class).hasMessageContaining("none, heap, cds or threads");
    }

    @Test
    @DisplayName("Each tuning level adds to the one before: heap caps, then a CDS archive per service (recorded for "
            + "the first start, mapped once written), then fewer threads")
    void tuningLevels(@TempDir Path work) throws Exception {
        Path repo = NexusServices.repoRoot();
        assertThat(LocalJvm.HEAP.options(NexusServices.WEBHOOK_GATEWAY, repo, work)).contains("-Xmx128m")
                .noneMatch(option -> option.contains("Shared") || option.contains("Dump"));
        assertThat(LocalJvm.CDS.options(NexusServices.CONNECTION_SERVICE, repo, work))
                .contains("-Xmx256m", "-XX:+RecordDynamicDumpInfo");

        Path archive = LocalJvm.archive(NexusServices.CONNECTION_SERVICE, repo, work);
        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "an archive");
        assertThat(LocalJvm.CDS.options(NexusServices.CONNECTION_SERVICE, repo, work))
                .contains("-XX:SharedArchiveFile=" + archive).doesNotContain("-XX:+RecordDynamicDumpInfo");

        assertThat(LocalJvm.THREADS.options("adapter-bol", repo, work)).contains("-Xmx160m", "-XX:CICompilerCount=1");
        assertThat(LocalJvm.THREADS.environment()).containsEntry("QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE", "2");
        assertThat(LocalJvm.CDS.environment()).isEmpty();
    }
}

package io.nexusconnect.gateway.bench;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.gateway.verify.Hmac;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import io.nexusconnect.testinfra.bench.BenchResult;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * P2: webhook intake (verify + durable publish) against Kafka's own ProducerPerformance, on one broker, same record
 * size, acks=all; prints the table and records the P2 row of {@code ./nexus bench}. Not a test: the module's
 * {@code bench} profile runs it (after the gateway is packaged: {@code ./nexus bench} or {@code bench/p2.sh}), with
 * shorter phases when {@code NEXUS_BENCH_QUICK=1}. All load goes to 127.0.0.1, bounded in time (wrk) and count
 * (ProducerPerformance).
 */
class P2Benchmark {
    static final String SECRET = "shpss_0123456789abcdef0123456789abcdef";
    static final int CONNECTIONS = 6;
    static final int SATURATION_CONNECTIONS = 128;
    static final int FIXED_RATE_PER_SECOND = 1000;

    /** How long each phase runs: the full run, or the quick one of {@code NEXUS_BENCH_QUICK=1}. */
    record Phases(Duration warmUp, int maxWarmUps, Duration saturation, Duration probe, Duration fixedRate,
                  int baselineRecords) {
        static Phases of(boolean quick) {
            return quick ? new Phases(Duration.ofSeconds(5), 4, Duration.ofSeconds(10), Duration.ofSeconds(3),
                    Duration.ofSeconds(10), 50_000)
                    : new Phases(Duration.ofSeconds(10), 4, Duration.ofSeconds(20), Duration.ofSeconds(5),
                    Duration.ofSeconds(20), 200_000);
        }
    }

    @Test
    void p2() throws Exception {
        String quickValue = System.getenv("NEXUS_BENCH_QUICK");
        boolean quick = quickValue != null && !quickValue.isBlank() && !quickValue.equals("0");
        Phases phases = Phases.of(quick);
        Wrk.ensureInstalled();
        Path work = Files.createDirectories(Path.of("target", "p2"));
        String bootstrap = SharedInfra.kafkaBootstrapServers();
        CredentialSealer sealer = new CredentialSealer(KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId()));
        List<String[]> endpoints = new ArrayList<>(); // {path, shop}
        for (int i = 0; i < CONNECTIONS; i++) {
            UUID id = UUID.randomUUID();
            String shop = "bench-" + i + ".myshopify.com";
            KafkaTestClient.publish(Topics.CONNECTIONS, new ConnectionSnapshot(id, "tenant-bench", Marketplace.SHOPIFY, shop,
                    "bench " + i, Map.of("shopDomain", shop), ConnectionState.ACTIVE,
                    new ConnectionSettings(SyncInterval.HOURLY, null, OrderLookback.THIRTY_DAYS, 0, true, null), null,
                    sealer.seal(id.toString(), Map.of("adminApiAccessToken", "shpat_" + "b".repeat(32), "apiSecretKey", SECRET)),
                    1, Instant.now()));
            endpoints.add(new String[]{"/api/webhooks/shopify/" + id, shop});
        }
        byte[] body = Files.readAllBytes(Path.of("bench", "shopify-order.json"));
        String hmac = Base64.getEncoder().encodeToString(Hmac.sha256(SECRET.getBytes(StandardCharsets.UTF_8), body));
        int recordSize = Json.write(WebhookReceived.of(UUID.randomUUID(), Marketplace.SHOPIFY, UUID.randomUUID(), "tenant-bench",
                "orders/create", "bench-0-1234567", Instant.now(), Map.of("x-shopify-shop-domain", "bench-0.myshopify.com",
                        "x-shopify-topic", "orders/create", "x-shopify-webhook-id", "bench-0-1234567"),
                "application/json", body, "shopify-hmac-sha256", false)).getBytes(StandardCharsets.UTF_8).length;

        int port = freePort();
        Process gateway = startGateway(bootstrap, port, work);
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(base, endpoints.getFirst()[0]);
            Path script = Wrk.script(work, body, hmac, endpoints);
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
            long before = Kafka.endOffsetSum(bootstrap, Marketplace.SHOPIFY.webhookTopic());
            warmUp(base, script, phases);
            Wrk.Result saturated = Wrk.run(base, script, 2, SATURATION_CONNECTIONS, phases.saturation(), 0);
            Wrk.Result fixed = Wrk.fixedRate(base, script, FIXED_RATE_PER_SECOND, phases.probe(), phases.fixedRate());
            long published = Kafka.endOffsetSum(bootstrap, Marketplace.SHOPIFY.webhookTopic()) - before;
            long acknowledged = Wrk.lastTotals;

            Kafka.createTopic(bootstrap, "nexus.bench.producer-performance");
            ProducerPerformance.Result bare = ProducerPerformance.run(bootstrap, recordSize, phases.baselineRecords(),
                    -1);
            ProducerPerformance.Result bareFixed = ProducerPerformance.run(bootstrap, recordSize,
                    (int) (FIXED_RATE_PER_SECOND * phases.fixedRate().toSeconds()), FIXED_RATE_PER_SECOND);
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();

            System.out.printf("%n=== P2: webhook intake vs bare producer (one broker, record %d bytes, acks=all, idempotent, linger.ms=2, lz4) ===%n", recordSize);
            System.out.println("| | gateway (wrk → verify → Kafka → 200) | Kafka ProducerPerformance 4.2.1 |");
            System.out.println("|---|---|---|");
            System.out.printf("| saturation, records/s | %.0f req/s (%d connections, %ds; non-2xx %d) | %.0f records/s (%d records) |%n",
                    saturated.requestsPerSecond(), SATURATION_CONNECTIONS, phases.saturation().toSeconds(),
                    saturated.non2xx(), bare.recordsPerSecond(), phases.baselineRecords());
            System.out.printf("| gateway / bare producer | %.0f %% | |%n", 100 * saturated.requestsPerSecond() / bare.recordsPerSecond());
            System.out.printf("| at ~%d/s: achieved | %.0f req/s | %.0f records/s |%n", FIXED_RATE_PER_SECOND,
                    fixed.requestsPerSecond(), bareFixed.recordsPerSecond());
            System.out.printf("| at ~%d/s: p50 / p99 latency | %.2f ms / %.2f ms | %.0f ms / %.0f ms |%n", FIXED_RATE_PER_SECOND,
                    fixed.p50Millis(), fixed.p99Millis(), bareFixed.p50Millis(), bareFixed.p99Millis());
            System.out.printf("| saturation p50 / p99 | %.2f ms / %.2f ms | %.0f ms / %.0f ms |%n",
                    saturated.p50Millis(), saturated.p99Millis(), bare.p50Millis(), bare.p99Millis());
            System.out.printf("load average (1/5/15 min) before: %s, after: %s, %d cores%n", loadBefore, loadAfter,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("records on the webhook topic: %d; 2xx answers: %d (every 2xx is a record; a few records may be"
                    + " from requests wrk cut off at the end)%n", published, acknowledged);
            BenchResult.of("P2", "webhook-gateway", "webhook intake vs bare producer, acks=all" + (quick ? " (quick)" : ""))
                    .figure("perSecond", round(saturated.requestsPerSecond()))
                    .figure("bareProducerPerSecond", round(bare.recordsPerSecond()))
                    .figure("shareOfBare",
                            Math.round(saturated.requestsPerSecond() / bare.recordsPerSecond() * 1000) / 1000.0)
                    .figure("fixedRatePerSecond", round(fixed.requestsPerSecond()))
                    .figure("p50Ms", fixed.p50Millis()).figure("p99Ms", fixed.p99Millis())
                    .figure("saturationP50Ms", saturated.p50Millis()).figure("saturationP99Ms", saturated.p99Millis())
                    .figure("bareP99Ms", bareFixed.p99Millis())
                    .figure("non2xx", saturated.non2xx() + fixed.non2xx()).figure("recordBytes", recordSize)
                    .figure("loadAverageAfter", loadAfter.split(" ")[0])
                    .notes(String.format("perSecond: wrk at saturation (%d connections, %d s) vs ProducerPerformance"
                            + " (%,d records) on the same broker; p50/p99 at ~%d/s; one machine for load, gateway and"
                            + " broker", SATURATION_CONNECTIONS, phases.saturation().toSeconds(),
                            phases.baselineRecords(), FIXED_RATE_PER_SECOND))
                    .record();
        } finally {
            gateway.destroy();
            gateway.waitFor();
        }
    }

    /** JIT and connection warm-up: runs until one answers only 2xx and is within 10 % of the one before. */
    private static void warmUp(String base, Path script, Phases phases) throws Exception {
        double previous = 0;
        for (int i = 0; i < phases.maxWarmUps(); i++) {
            Wrk.Result run = Wrk.run(base, script, 2, 16, phases.warmUp(), 0);
            if (run.non2xx() == 0 && run.requestsPerSecond() < previous * 1.1) {
                return;
            }
            previous = run.requestsPerSecond();
        }
    }

    private static Process startGateway(String bootstrap, int port, Path work) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the gateway first (./nexus bench and bench/p2.sh do): " + jar.toAbsolutePath());
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("gateway.log").toFile());
        Map<String, String> env = builder.environment();
        env.putAll(SharedInfra.environment());
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("NEXUS_GATEWAY_RATE_LIMIT_PER_SECOND", "1000000");
        env.put("NEXUS_GATEWAY_RATE_LIMIT_BURST", "1000000");
        env.put("QUARKUS_LOG_CATEGORY__IO_NEXUSCONNECT_GATEWAY_INTAKE__LEVEL", "WARN");
        return builder.start();
    }

    private static void awaitReady(String base, String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> known = http.send(HttpRequest.newBuilder(URI.create(base + path + "?probe"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && known.statusCode() == 401) { // known connection, unsigned probe
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("gateway not ready; see target/p2/gateway.log");
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

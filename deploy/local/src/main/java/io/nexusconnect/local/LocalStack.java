package io.nexusconnect.local;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.local.bench.StackBench;
import io.nexusconnect.local.demo.DemoMarketplace;
import io.nexusconnect.local.demo.DemoMarketplaces;
import io.nexusconnect.local.demo.StackDemo;
import io.nexusconnect.local.demo.WebhookCounts;
import io.nexusconnect.local.kafka.KafkaBroker;
import io.nexusconnect.local.postgres.LocalPostgres;
import io.nexusconnect.local.process.ChildProcess;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ResourceUsage;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.local.secrets.LocalSecrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * {@code ./nexus local}: the whole stack on one machine. A Kafka broker process, PostgreSQL, the marketplace simulators
 * (in this JVM), connection-service, sync-orchestrator, webhook-gateway and one adapter per marketplace as processes,
 * and a demo connection per marketplace that syncs against its simulator. Ctrl-C (or any normal JVM exit) stops
 * everything, newest first.
 */
public final class LocalStack {
    private static final Duration KAFKA_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SERVICES_TIMEOUT = Duration.ofMinutes(4);
    /** How long {@code --bench} waits for every demo connection's first sync once the services are ready. */
    private static final Duration BENCH_FIRST_SYNCS_TIMEOUT = Duration.ofMinutes(15);
    private static final String CONNECTIONS_DATABASE = "nexus_connections";
    private static final String CONNECTIONS_ROLE = "nexus_connections";

    private final LocalOptions options;
    /** When the process started: {@code ./nexus} execs this JVM, so its script's own work is included. */
    private final Instant launchedAt = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    /** What to stop on the way out, newest first. */
    private final Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
    private volatile boolean stopping;
    /** {@code --bench}: the row is written, the stack may stop. */
    private volatile boolean benchRecorded;

    private LocalStack(LocalOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        LocalOptions options;
        try {
            options = LocalOptions.parse(args, System.getenv());
        } catch (LocalOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("nexus local: " + e.getMessage());
            }
            System.err.print(LocalOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        LocalStack stack = new LocalStack(options);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        try {
            stack.run();
            if (options.bench()) {
                System.exit(0); // the shutdown hook stops the stack
            }
        } catch (RuntimeException e) {
            if (!stack.stopping) {
                System.err.println("\nnexus local: " + e.getMessage());
                System.err.println("logs: " + options.workDir().resolve("logs"));
                System.exit(1);
            }
        }
    }

    private void run() {
        Path work = options.workDir();
        step("work dir " + work + " (delete it for a clean start); marketplaces " + options.marketplaces().stream()
                .map(Marketplace::id).toList() + "; JVM tuning " + options.jvm().name().toLowerCase());
        stopLeftovers();
        requirePortsFree();
        LocalSecrets secrets = LocalSecrets.loadOrCreate(work);

        // the broker and the database are independent; starting them together saves a few seconds
        KafkaBroker broker;
        LocalPostgres database;
        try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> KafkaBroker.start(kafkaSettings(), KAFKA_TIMEOUT), starter);
            CompletableFuture<LocalPostgres> postgres = CompletableFuture.supplyAsync(() -> LocalPostgres.start(postgresSettings()), starter);
            database = started(postgres, kafka);
            broker = started(kafka, postgres);
        }
        step("PostgreSQL 17 on localhost:" + database.port() + " (data " + work.resolve("postgres/data") + ")");
        step("Kafka broker on " + broker.bootstrapServers() + " (pid " + broker.process().pid() + ", log " + log("kafka") + ")");
        broker.createTopics();
        step("topics created");
        LocalPostgres.Database connectionsDb = database.ensureDatabase(CONNECTIONS_DATABASE, CONNECTIONS_ROLE, secrets.databasePassword());

        Map<String, String> environment = environment();
        List<DemoMarketplace> marketplaces = new ArrayList<>();
        DemoMarketplaces.Setup setup = new DemoMarketplaces.Setup(options.repoRoot(), work, options.portOffset(),
                options.orders(), options.speedFactor(), broker.bootstrapServers(), secrets.keyRingSpec(),
                secrets.primaryKeyId(), environment, service -> options.jvm().options(service, options.repoRoot(), work));
        for (Marketplace marketplace : options.marketplaces()) {
            DemoMarketplace started = DemoMarketplaces.start(marketplace, setup);
            running.push(started);
            marketplaces.add(started);
            step(started.description());
        }

        // the Amazon simulator's URLs are adapter-amazon's, which DemoMarketplaces wires; the core services need none
        NexusServices.Wiring wiring = new NexusServices.Wiring(broker.bootstrapServers(), connectionsDb, secrets.keyRingSpec(),
                secrets.primaryKeyId(), secrets.jwtSigner().publicKeyPem(), secrets.jwtSigner().issuer(),
                "", "", "", options.speedFactor(), environment);
        List<ServiceProcess.Spec> specs = NexusServices.coreSpecs(options.repoRoot(), work, servicePorts(), wiring,
                service -> options.jvm().options(service, options.repoRoot(), work));
        Map<String, String> gatewayEnvironment = new LinkedHashMap<>(environment);
        // eBay signs its pushes with keys the gateway fetches from eBay's getPublicKey: here the simulator's
        marketplaces.stream().filter(m -> m.marketplace() == Marketplace.EBAY).findFirst().ifPresent(ebay ->
                gatewayEnvironment.put("NEXUS_GATEWAY_EBAY_PRODUCTION_BASE_URL", ebay.baseUrl()));
        specs.add(NexusServices.webhookGateway(options.repoRoot(), work, gatewayPort(), broker.bootstrapServers(),
                secrets.keyRingSpec(), secrets.primaryKeyId(), "http://localhost:" + gatewayPort(), gatewayEnvironment,
                options.jvm().options(NexusServices.WEBHOOK_GATEWAY, options.repoRoot(), work)));
        marketplaces.forEach(marketplace -> specs.add(marketplace.adapter()));
        step("starting " + specs.size() + " services: " + String.join(", ", specs.stream().map(ServiceProcess.Spec::name).toList()) + " ...");
        // registered for shutdown one by one as they start, so Ctrl-C during start-up stops what is already running
        List<ServiceProcess> services = new CopyOnWriteArrayList<>();
        running.push(() -> NexusServices.stopAll(services));
        int archivesMapped = (int) specs.stream().filter(spec -> options.jvm().options(spec.name(), options.repoRoot(), work)
                .stream().anyMatch(option -> option.startsWith("-XX:SharedArchiveFile="))).count();
        specs.forEach(spec -> services.add(ServiceProcess.start(spec)));
        NexusServices.awaitAllReady(services, SERVICES_TIMEOUT);
        double readySeconds = elapsedSeconds();
        services.forEach(service -> step(service.name() + " ready on " + service.baseUrl() + " (log " + log(service.name()) + ")"));
        ResourceUsage.Report usage = ResourceUsage.measure(processes(broker, services));
        step(String.format("all %d services ready %.1f s after launch; %s", services.size(), readySeconds, usage.summary()));
        step("  " + usage.breakdown());

        String token = secrets.jwtSigner().tokenForTenant(StackDemo.TENANT, "local-dev", Duration.ofHours(12));
        printEndpoints(services, token, readySeconds);
        printConsole(services.getFirst().baseUrl(), token);
        if (options.bench() && !options.demo()) {
            recordBench(services.size(), readySeconds, usage, null, null, archivesMapped);
            return;
        }
        if (!options.demo()) {
            step("up; Ctrl-C stops everything");
            dumpArchives(services);
            waitForever();
        }
        WebhookCounts webhooks = new WebhookCounts(broker.bootstrapServers(), options.marketplaces());
        running.push(webhooks);
        Instant benchDeadline = Instant.now().plus(BENCH_FIRST_SYNCS_TIMEOUT);
        new StackDemo(services.getFirst().baseUrl(), token, marketplaces, webhooks, "http://localhost:" + gatewayPort(),
                this::step, () -> stopping || benchRecorded || options.bench() && Instant.now().isAfter(benchDeadline), () -> {
            double activeSeconds = elapsedSeconds();
            ResourceUsage.Report active = ResourceUsage.measure(processes(broker, services));
            step("every demo connection is active; " + active.summary());
            if (options.bench()) {
                recordBench(services.size(), readySeconds, usage, activeSeconds, active, archivesMapped);
            } else {
                Thread.ofVirtual().name("cds-archives").start(() -> dumpArchives(services));
            }
        }).run();
        if (options.bench()) {
            if (!benchRecorded) {
                throw new IllegalStateException("--bench: not every demo connection was active "
                        + BENCH_FIRST_SYNCS_TIMEOUT.toMinutes() + " min after the services were ready; no row recorded");
            }
            dumpArchives(services); // measured already: the next bench start maps them
            pruneStaleArchives(services);
        }
    }

    /**
     * {@code --bench} keeps the CDS archives across runs ({@code ./nexus bench} links each run's {@code cds/} to one
     * folder): an archive of an older build of a service that ran is of no use any more, and each takes ~60 MB.
     */
    private void pruneStaleArchives(List<ServiceProcess> services) {
        Map<String, String> current = new LinkedHashMap<>();
        services.forEach(service -> current.put(service.name() + "-", LocalJvm.archive(service.name(), options.repoRoot(),
                options.workDir()).getFileName().toString()));
        try (Stream<Path> archives = Files.list(options.workDir().resolve("cds"))) {
            for (Path archive : archives.toList()) {
                String name = archive.getFileName().toString();
                boolean stale = current.entrySet().stream().anyMatch(service -> name.startsWith(service.getKey())
                        && name.endsWith(".jsa") && !name.equals(service.getValue()));
                if (stale) {
                    Files.deleteIfExists(archive);
                }
            }
        } catch (IOException e) {
            step("(stale CDS archives not pruned: " + e.getMessage() + ")");
        }
    }

    /** {@code --bench}: the P5 row of {@code ./nexus bench}; then {@link #run} returns and {@link #main} stops all. */
    private void recordBench(int services, double readySeconds, ResourceUsage.Report atReady, Double activeSeconds,
                             ResourceUsage.Report active, int archivesMapped) {
        Path row = StackBench.record(new StackBench.Measurement(options.marketplaces().size(), options.orders(),
                options.speedFactor(), services, readySeconds, atReady, activeSeconds, active, archivesMapped,
                options.jvm().name().toLowerCase()));
        step("bench row written: " + row);
        benchRecorded = true;
    }

    /** The first run of a tuning level with CDS writes each service's archive, for every later start to map. */
    private void dumpArchives(List<ServiceProcess> services) {
        int written = options.jvm().dumpMissingArchives(services, options.repoRoot(), options.workDir());
        if (written > 0 && !stopping) {
            step("CDS archives written for " + written + " services under " + options.workDir().resolve("cds")
                    + "; the next start maps them");
        }
    }

    /** Every process of the stack by name, the launcher (with the simulators) last. */
    private Map<String, Long> processes(KafkaBroker broker, List<ServiceProcess> services) {
        Map<String, Long> roots = new LinkedHashMap<>();
        services.forEach(service -> roots.put(service.name(), service.process().pid()));
        roots.put("kafka", broker.process().pid());
        ResourceUsage.postmasterPid(options.workDir().resolve("postgres/data")).ifPresent(pid -> roots.put("postgres", pid));
        roots.put("launcher+simulators", ProcessHandle.current().pid());
        return roots;
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(options.jvm().environment());
        // where adapters register the marketplaces' webhook callbacks: the gateway of this stack
        environment.put("NEXUS_WEBHOOKS_PUBLIC_BASE_URL", "http://localhost:" + gatewayPort());
        if (!options.syncInterval().isEmpty()) {
            environment.put("NEXUS_ORCHESTRATOR_INTERVAL_OVERRIDE", options.syncInterval());
        }
        return environment;
    }

    private NexusServices.ServicePorts servicePorts() {
        return new NexusServices.ServicePorts(options.port(8081), options.port(8082),
                options.port(DemoMarketplaces.adapterPort(Marketplace.AMAZON)));
    }

    private int gatewayPort() {
        return options.port(NexusServices.WEBHOOK_GATEWAY_PORT);
    }

    /** What a launcher killed with kill -9 left running in this work dir (children run in their own session). */
    private void stopLeftovers() {
        // clients first: PostgreSQL's SIGTERM shutdown waits for its connections to close
        List<String> names = new ArrayList<>(List.of(NexusServices.CONNECTION_SERVICE, NexusServices.SYNC_ORCHESTRATOR,
                NexusServices.WEBHOOK_GATEWAY));
        for (Marketplace marketplace : Marketplace.values()) {
            names.add(DemoMarketplaces.adapterName(marketplace));
        }
        names.forEach(service -> ChildProcess.stopLeftover(service, options.workDir().resolve(service)));
        KafkaBroker.stopLeftover(kafkaSettings());
        LocalPostgres.stopLeftover(postgresSettings());
    }

    private KafkaBroker.Settings kafkaSettings() {
        return new KafkaBroker.Settings(options.workDir().resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort(),
                KafkaBroker.defaultLibs(), log("kafka"));
    }

    private LocalPostgres.Settings postgresSettings() {
        return new LocalPostgres.Settings(options.workDir().resolve("postgres"), options.postgresPort(), log("postgres"),
                options.unsafeFastPostgres());
    }

    private void requirePortsFree() {
        options.fixedPorts().forEach(Ports::requireFree);
    }

    /**
     * Waits for {@code future} and its sibling, registers whichever started for shutdown (so one failing never leaves
     * the other running), then returns {@code future}'s value or throws its failure.
     */
    private <T extends AutoCloseable> T started(CompletableFuture<T> future, CompletableFuture<?> sibling) {
        CompletableFuture.allOf(future, sibling).handle((ignored, failure) -> null).join();
        try {
            T value = future.join();
            running.push(value);
            return value;
        } catch (CompletionException e) {
            if (!sibling.isCompletedExceptionally() && sibling.join() instanceof AutoCloseable other && !running.contains(other)) {
                running.push(other);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void printEndpoints(List<ServiceProcess> services, String token, double readySeconds) {
        String connections = services.getFirst().baseUrl();
        Path tokenFile = LocalSecrets.saveDevToken(options.workDir(), token);
        System.out.printf("""

                ── nexus-connect is up (%.1f s after launch) ─────────────────────────────────
                  REST API     %s/api/connections
                  Swagger UI   %s/q/swagger-ui
                  orchestrator %s/orchestrator/shard
                  webhooks     http://localhost:%d/api/webhooks/{marketplace}/{connectionId}
                  health       http://localhost:<port>/q/health (ports above)
                  Kafka        %s      PostgreSQL  %s
                  logs         %s
                  dev token (tenant %s, 12 h; also in %s):
                %s

                  try: curl -s -H "Authorization: Bearer $(cat %s)" %s/api/connections
                ───────────────────────────────────────────────────────────────────────────────
                %n""", readySeconds, connections, connections, services.get(1).baseUrl(), gatewayPort(),
                "127.0.0.1:" + options.kafkaPort(), "localhost:" + options.postgresPort(),
                options.workDir().resolve("logs"), StackDemo.TENANT, tokenFile, token, tokenFile, connections);
    }

    /**
     * The console's sign-in link: the dev token rides in the URL fragment (never sent to a server), and the page moves
     * it into the tab's sessionStorage and strips it from the address bar.
     */
    private void printConsole(String connectionService, String token) {
        System.out.printf("""
                ── Connections console (signs you in as tenant %s with the dev token) ─────────
                %s/console/#token=%s
                ───────────────────────────────────────────────────────────────────────────────
                %n""", StackDemo.TENANT, connectionService, token);
    }

    private Path log(String name) {
        return options.workDir().resolve("logs").resolve(name + ".log");
    }

    void step(String message) {
        System.out.printf("[%6.1fs] %s%n", elapsedSeconds(), message);
    }

    private double elapsedSeconds() {
        return Duration.between(launchedAt, Instant.now()).toMillis() / 1000.0;
    }

    private static void waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shutdown hook: services first (they flush to Kafka and PostgreSQL), then the simulators, broker, database. */
    private void stop() {
        stopping = true;
        if (running.isEmpty()) {
            return;
        }
        System.out.println("\nnexus local: stopping ...");
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("nexus local: stopping " + next + " failed: " + e.getMessage());
            }
        }
        System.out.println("nexus local: stopped");
    }
}

package io.nexusconnect.local;

import io.nexusconnect.local.demo.AmazonDemo;
import io.nexusconnect.local.demo.WalmartSpeed;
import io.nexusconnect.local.kafka.KafkaBroker;
import io.nexusconnect.local.postgres.LocalPostgres;
import io.nexusconnect.local.process.ChildProcess;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.local.secrets.LocalSecrets;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.ebay.EbaySimConfig;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.shopify.ShopifySimConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.kaufland.KauflandSimConfig;
import io.nexusconnect.sims.kaufland.KauflandSimulator;
import io.nexusconnect.sims.walmart.WalmartSimConfig;
import io.nexusconnect.sims.walmart.WalmartSimulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code ./nexus local}: the whole stack on one machine. A Kafka broker process, PostgreSQL, the Amazon simulator (in
 * this JVM), the three services as processes, and a demo connection that syncs against the simulator. Ctrl-C (or
 * any normal JVM exit) stops everything, newest first.
 */
public final class LocalStack {
    private static final Duration KAFKA_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SERVICES_TIMEOUT = Duration.ofMinutes(4);
    private static final String CONNECTIONS_DATABASE = "nexus_connections";
    private static final String CONNECTIONS_ROLE = "nexus_connections";

    private final LocalOptions options;
    private final long startedAt = System.nanoTime();
    /** What to stop on the way out, newest first. */
    private final Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
    private volatile boolean stopping;

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
        step("work dir " + work + " (delete it for a clean start)");
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

        AmazonSimulator simulator = AmazonDemo.startSimulator(options.simulatorPort(), options.orders(), options.speedFactor());
        running.push(simulator);
        step("Amazon SP-API simulator on " + simulator.baseUrl() + " (" + options.orders() + " orders, speed x" + options.speedFactor() + ")");

        NexusServices.Wiring wiring = new NexusServices.Wiring(broker.bootstrapServers(), connectionsDb, secrets.keyRingSpec(),
                secrets.primaryKeyId(), secrets.jwtSigner().publicKeyPem(), secrets.jwtSigner().issuer(),
                simulator.lwaTokenUrl(), simulator.baseUrl(), simulator.sandboxBaseUrl(), options.speedFactor(), extraEnvironment());
        List<ServiceProcess.Spec> specs = NexusServices.specs(options.repoRoot(), work, NexusServices.ServicePorts.LOCAL,
                wiring, ServiceProcess.DEFAULT_JVM_OPTIONS);
        if (options.ebay()) {
            EbaySimulator ebay = EbaySimulator.start(EbaySimConfig.builder().port(LocalOptions.EBAY_SIMULATOR_PORT)
                    .orderCount(options.orders()).build());
            running.push(ebay);
            step("eBay REST simulator on " + ebay.baseUrl() + " (" + options.orders() + " orders; demo keys in EbaySimulator.DEMO)");
            specs.add(NexusServices.adapterEbay(options.repoRoot(), work, NexusServices.ADAPTER_EBAY_PORT, wiring,
                    ebay.baseUrl(), ServiceProcess.DEFAULT_JVM_OPTIONS));
        }
        if (options.shopify()) {
            ShopifySimulator shopify = ShopifySimulator.start(ShopifySimConfig.defaults()
                    .withPort(LocalOptions.SHOPIFY_SIMULATOR_PORT).withData(options.orders(), 150, 42));
            running.push(shopify);
            step("Shopify Admin API simulator on " + shopify.baseUrl() + " (" + options.orders() + " orders; shop "
                    + ShopifySimulator.DEMO.myshopifyDomain() + ", token in ShopifySimulator.DEMO)");
            specs.add(NexusServices.adapterShopify(options.repoRoot(), work, NexusServices.ADAPTER_SHOPIFY_PORT, wiring,
                    shopify.baseUrl(), ServiceProcess.DEFAULT_JVM_OPTIONS));
        }
        if (options.walmart()) {
            WalmartSimulator walmart = WalmartSimulator.start(WalmartSimConfig.defaults()
                    .withPort(LocalOptions.WALMART_SIMULATOR_PORT).withData(options.orders(), 60, 42)
                    .withBuckets(WalmartSpeed.buckets(options.speedFactor())));
            running.push(walmart);
            step("Walmart Marketplace API simulator on " + walmart.baseUrl() + " (" + options.orders()
                    + " orders, speed x" + options.speedFactor() + "; client id and secret in WalmartSimulator.DEMO)");
            specs.add(NexusServices.adapterWalmart(options.repoRoot(), work, NexusServices.ADAPTER_WALMART_PORT, wiring,
                    walmart.baseUrl(), options.speedFactor(), ServiceProcess.DEFAULT_JVM_OPTIONS));
        }
        if (options.kaufland()) {
            KauflandSimulator kaufland = KauflandSimulator.start(KauflandSimConfig.defaults()
                    .withPort(LocalOptions.KAUFLAND_SIMULATOR_PORT).withData(options.orders(), 100, 42));
            running.push(kaufland);
            step("Kaufland Seller API simulator on " + kaufland.baseUrl() + " (" + options.orders()
                    + " orders; keys in KauflandSimulator.DEMO)");
            specs.add(NexusServices.adapterKaufland(options.repoRoot(), work, NexusServices.ADAPTER_KAUFLAND_PORT,
                    wiring, kaufland.baseUrl(), options.speedFactor(), ServiceProcess.DEFAULT_JVM_OPTIONS));
        }
        step("starting " + String.join(", ", specs.stream().map(ServiceProcess.Spec::name).toList()) + " ...");
        // registered for shutdown one by one as they start, so Ctrl-C during start-up stops what is already running
        List<ServiceProcess> services = new CopyOnWriteArrayList<>();
        running.push(() -> NexusServices.stopAll(services));
        specs.forEach(spec -> services.add(ServiceProcess.start(spec)));
        NexusServices.awaitAllReady(services, SERVICES_TIMEOUT);
        services.forEach(service -> step(service.name() + " ready on " + service.baseUrl() + " (log " + log(service.name()) + ")"));

        String token = secrets.jwtSigner().tokenForTenant(AmazonDemo.TENANT, "local-dev", Duration.ofHours(12));
        printEndpoints(services, token);
        printConsole(services.getFirst().baseUrl(), token);
        if (!options.demo()) {
            step("up; Ctrl-C stops everything");
            waitForever();
        }
        new AmazonDemo(services.getFirst().baseUrl(), token, simulator, this::step, () -> stopping).run();
    }

    private Map<String, String> extraEnvironment() {
        return options.syncInterval().isEmpty() ? Map.of() : Map.of("NEXUS_ORCHESTRATOR_INTERVAL_OVERRIDE", options.syncInterval());
    }

    /** What a launcher killed with kill -9 left running in this work dir (children run in their own session). */
    private void stopLeftovers() {
        // clients first: PostgreSQL's SIGTERM shutdown waits for its connections to close
        for (String service : List.of(NexusServices.CONNECTION_SERVICE, NexusServices.SYNC_ORCHESTRATOR, NexusServices.ADAPTER_AMAZON,
                NexusServices.ADAPTER_EBAY, NexusServices.ADAPTER_SHOPIFY, NexusServices.ADAPTER_WALMART,
                NexusServices.ADAPTER_KAUFLAND)) {
            ChildProcess.stopLeftover(service, options.workDir().resolve(service));
        }
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
        Ports.requireFree(options.kafkaPort(), "Kafka");
        Ports.requireFree(options.kafkaControllerPort(), "Kafka controller");
        Ports.requireFree(options.postgresPort(), "PostgreSQL; choose another with --postgres-port");
        Ports.requireFree(options.simulatorPort(), "Amazon simulator");
        Ports.requireFree(options.simulatorPort() + 1, "Amazon simulator sandbox");
        NexusServices.ServicePorts ports = NexusServices.ServicePorts.LOCAL;
        Ports.requireFree(ports.connectionService(), NexusServices.CONNECTION_SERVICE);
        Ports.requireFree(ports.syncOrchestrator(), NexusServices.SYNC_ORCHESTRATOR);
        Ports.requireFree(ports.adapterAmazon(), NexusServices.ADAPTER_AMAZON);
        if (options.ebay()) {
            Ports.requireFree(LocalOptions.EBAY_SIMULATOR_PORT, "eBay simulator");
            Ports.requireFree(NexusServices.ADAPTER_EBAY_PORT, NexusServices.ADAPTER_EBAY);
        }
        if (options.shopify()) {
            Ports.requireFree(LocalOptions.SHOPIFY_SIMULATOR_PORT, "Shopify simulator");
            Ports.requireFree(NexusServices.ADAPTER_SHOPIFY_PORT, NexusServices.ADAPTER_SHOPIFY);
        }
        if (options.walmart()) {
            Ports.requireFree(LocalOptions.WALMART_SIMULATOR_PORT, "Walmart simulator");
            Ports.requireFree(NexusServices.ADAPTER_WALMART_PORT, NexusServices.ADAPTER_WALMART);
        }
        if (options.kaufland()) {
            Ports.requireFree(LocalOptions.KAUFLAND_SIMULATOR_PORT, "Kaufland simulator");
            Ports.requireFree(NexusServices.ADAPTER_KAUFLAND_PORT, NexusServices.ADAPTER_KAUFLAND);
        }
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

    private void printEndpoints(List<ServiceProcess> services, String token) {
        String connections = services.getFirst().baseUrl();
        Path tokenFile = LocalSecrets.saveDevToken(options.workDir(), token);
        System.out.printf("""

                ── nexus-connect is up (%.1f s) ──────────────────────────────────────────────
                  REST API     %s/api/connections
                  Swagger UI   %s/q/swagger-ui
                  health       %s/q/health   %s/q/health   %s/q/health
                  orchestrator %s/orchestrator/shard
                  Kafka        %s      PostgreSQL  %s
                  logs         %s
                  dev token (tenant %s, 12 h; also in %s):
                %s

                  try: curl -s -H "Authorization: Bearer $(cat %s)" %s/api/connections
                ───────────────────────────────────────────────────────────────────────────────
                %n""", elapsedSeconds(), connections, connections, services.get(0).baseUrl(), services.get(1).baseUrl(),
                services.get(2).baseUrl(), services.get(1).baseUrl(), "127.0.0.1:" + options.kafkaPort(),
                "localhost:" + options.postgresPort(), options.workDir().resolve("logs"), AmazonDemo.TENANT, tokenFile,
                token, tokenFile, connections);
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
                %n""", AmazonDemo.TENANT, connectionService, token);
    }

    private Path log(String name) {
        return options.workDir().resolve("logs").resolve(name + ".log");
    }

    void step(String message) {
        System.out.printf("[%6.1fs] %s%n", elapsedSeconds(), message);
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    private static void waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shutdown hook: services first (they flush to Kafka and PostgreSQL), then the simulator, broker, database. */
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

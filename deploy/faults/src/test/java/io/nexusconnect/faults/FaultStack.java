package io.nexusconnect.faults;

import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.local.kafka.KafkaBroker;
import io.nexusconnect.local.postgres.LocalPostgres;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.local.secrets.LocalSecrets;
import io.nexusconnect.sims.ebay.EbaySimConfig;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.shopify.ShopifySimConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The system the fault scenarios break, shared by all of them (one start per test JVM): a Kafka broker process and a
 * PostgreSQL server, both stoppable; connection-service, sync-orchestrator, webhook-gateway and adapter-shopify as
 * processes from their {@code quarkus-app} jars on free ports; the Shopify simulator in this JVM, and the eBay
 * simulator as the key service the gateway fetches eBay's notification keys from. Wired the way
 * {@code ./nexus local} wires the stack, with its own work directory under {@code target/faults}.
 */
final class FaultStack implements AutoCloseable {
    static final String TENANT = "faults-tenant";
    static final String WEBHOOK_GATEWAY = "webhook-gateway";
    /** Orders of the simulator's shop: dozens of cost-limited pages for one cycle. */
    static final int SHOPIFY_ORDERS = 1200;
    private static final Duration INFRA_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration KILLED_TIMEOUT = Duration.ofSeconds(10);

    private final Path work;
    private final LocalSecrets secrets;
    private final KafkaBroker.Settings brokerSettings;
    private final LocalPostgres.Settings databaseSettings;
    private final ShopifySimulator shopify;
    private final EbaySimulator ebay;
    private final Map<String, ServiceProcess.Spec> specs = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new ConcurrentHashMap<>();
    private volatile KafkaBroker broker;
    private volatile LocalPostgres database;
    private ShopifyConnection shopifyConnection;
    private WebhookConnections webhookConnections;

    private FaultStack(Path work) {
        this.work = work;
        this.secrets = LocalSecrets.loadOrCreate(work);
        this.brokerSettings = new KafkaBroker.Settings(work.resolve("kafka"), Ports.free(), Ports.free(),
                KafkaBroker.defaultLibs(), log("kafka"));
        // durable settings: the database scenario counts on an acknowledged commit surviving the restart
        this.databaseSettings = new LocalPostgres.Settings(work.resolve("postgres"), Ports.free(), log("postgres"), false);
        this.shopify = ShopifySimulator.start(ShopifySimConfig.defaults().withData(SHOPIFY_ORDERS, 40, 16).withSpeed(50)
                .withLookback(Duration.ofDays(29)));
        this.ebay = EbaySimulator.start(EbaySimConfig.builder().orderCount(10).itemCount(5).build());
    }

    static FaultStack start() {
        long begin = System.nanoTime();
        FaultStack stack = new FaultStack(Path.of("target", "faults", "run-" + System.currentTimeMillis()).toAbsolutePath());
        try {
            stack.startInfrastructure();
            stack.startServices();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        System.out.printf("faults: stack up in %d ms (%s); logs in %s%n", (System.nanoTime() - begin) / 1_000_000,
                stack.running.keySet(), stack.work.resolve("logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fault-stack-stop"));
        return stack;
    }

    private void startInfrastructure() {
        database = LocalPostgres.start(databaseSettings);
        broker = KafkaBroker.start(brokerSettings, INFRA_TIMEOUT);
        broker.createTopics();
    }

    private void startServices() {
        LocalPostgres.Database connections = database.ensureDatabase("nexus_connections", "nexus_connections",
                secrets.databasePassword());
        Map<String, String> extra = new LinkedHashMap<>();
        // the relay reconnects to a restarted database within a second instead of the production default
        extra.put("NEXUS_OUTBOX_RESTART_DELAY", "1s");
        // no Amazon here: the wiring's Amazon endpoints point at a closed port
        NexusServices.Wiring wiring = new NexusServices.Wiring(brokerSettings.bootstrapServers(), connections,
                secrets.keyRingSpec(), secrets.primaryKeyId(), secrets.jwtSigner().publicKeyPem(),
                secrets.jwtSigner().issuer(), "http://127.0.0.1:9/auth/o2/token", "http://127.0.0.1:9",
                "http://127.0.0.1:9", 1, extra);
        NexusServices.ServicePorts ports = new NexusServices.ServicePorts(Ports.free(), Ports.free(), Ports.free());
        List<ServiceProcess.Spec> core = NexusServices.specs(NexusServices.repoRoot(), work, ports, wiring,
                ServiceProcess.DEFAULT_JVM_OPTIONS);
        core.stream().filter(spec -> !spec.name().equals(NexusServices.ADAPTER_AMAZON)).forEach(this::register);
        register(NexusServices.adapterShopify(NexusServices.repoRoot(), work, Ports.free(), wiring.kafkaBootstrapServers(),
                wiring.keyRingSpec(), wiring.primaryKeyId(), shopify.baseUrl(), wiring.extraEnvironment(),
                ServiceProcess.DEFAULT_JVM_OPTIONS));
        register(gatewaySpec(Ports.free(), wiring));
        List<ServiceProcess> started = new ArrayList<>();
        specs.values().forEach(spec -> {
            ServiceProcess process = ServiceProcess.start(spec);
            running.put(spec.name(), process);
            started.add(process);
        });
        NexusServices.awaitAllReady(started, READY_TIMEOUT);
    }

    private void register(ServiceProcess.Spec spec) {
        specs.put(spec.name(), spec);
    }

    /** webhook-gateway, which {@link NexusServices} does not start: the key ring, the broker, a generous rate limit. */
    private ServiceProcess.Spec gatewaySpec(int port, NexusServices.Wiring wiring) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", wiring.kafkaBootstrapServers());
        env.put("NEXUS_CREDENTIALS_KEYS", wiring.keyRingSpec());
        env.put("NEXUS_CREDENTIALS_PRIMARY_KEY", wiring.primaryKeyId());
        env.put("QUARKUS_DEVSERVICES_ENABLED", "false");
        env.put("NEXUS_GATEWAY_PUBLIC_BASE_URL", "http://localhost:" + port);
        // the scenarios send hundreds of deliveries a second to one connection on purpose; the limiter is not under test
        env.put("NEXUS_GATEWAY_RATE_LIMIT_PER_SECOND", "100000");
        env.put("NEXUS_GATEWAY_RATE_LIMIT_BURST", "100000");
        // eBay's application token and getPublicKey (connections without an environment are production ones)
        env.put("NEXUS_GATEWAY_EBAY_PRODUCTION_BASE_URL", ebay.baseUrl());
        return new ServiceProcess.Spec(WEBHOOK_GATEWAY, NexusServices.repoRoot().resolve(WEBHOOK_GATEWAY), port, env,
                ServiceProcess.DEFAULT_JVM_OPTIONS, work.resolve(WEBHOOK_GATEWAY), log(WEBHOOK_GATEWAY));
    }

    private Path log(String name) {
        return work.resolve("logs").resolve(name + ".log");
    }

    // ---- faults -------------------------------------------------------------------------------------------------

    /** SIGKILL, as the kernel's OOM killer or a node loss would end it: no shutdown hook, no offset commit. */
    void kill(String service) {
        ServiceProcess process = service(service);
        ProcessHandle handle = ProcessHandle.of(process.process().pid()).orElseThrow();
        handle.destroyForcibly();
        try {
            handle.onExit().get(KILLED_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(service + " did not die on SIGKILL", e);
        }
    }

    /** Starts {@code service} again from the same spec (same port, same log file) and waits until it is ready. */
    void restart(String service) {
        ServiceProcess process = ServiceProcess.start(specs.get(service));
        running.put(service, process);
        process.awaitReady(READY_TIMEOUT);
    }

    /** A controlled broker shutdown (SIGTERM); its log directory stays for the restart. */
    void stopBroker() {
        broker.close();
    }

    void startBroker() {
        broker = KafkaBroker.start(brokerSettings, INFRA_TIMEOUT);
    }

    /** PostgreSQL's fast shutdown: open transactions are rolled back, clients disconnected; the data directory stays. */
    void stopDatabase() {
        database.stop(INFRA_TIMEOUT);
    }

    void startDatabase() {
        database = LocalPostgres.start(databaseSettings);
    }

    /**
     * Stops {@code service} (SIGTERM: it leaves its consumer groups at once) and adds {@code environment} to its spec;
     * {@link #startSecondReplicas} starts it again with it, next to its second replica.
     */
    void reconfigure(String service, Map<String, String> environment) {
        ServiceProcess.Spec spec = specs.get(service);
        Map<String, String> env = new LinkedHashMap<>(spec.environment());
        env.putAll(environment);
        running.remove(service).close();
        register(new ServiceProcess.Spec(spec.name(), spec.moduleDir(), spec.port(), env, spec.jvmOptions(), spec.runDir(),
                spec.logFile()));
    }

    /**
     * Starts a second replica of each of {@code services}, named {@code <service>-2}: the same environment on a port,
     * run directory and log of its own (and its own outbox offsets, as a second pod would have), and waits until all
     * are ready. A service {@link #reconfigure}d before starts again too.
     */
    void startSecondReplicas(List<String> services) {
        List<ServiceProcess> started = new ArrayList<>();
        for (String service : services) {
            ServiceProcess.Spec spec = specs.get(service);
            if (!running.containsKey(service)) {
                ServiceProcess process = ServiceProcess.start(spec);
                running.put(service, process);
                started.add(process);
            }
            String replica = service + "-2";
            Map<String, String> env = new LinkedHashMap<>(spec.environment());
            env.computeIfPresent("NEXUS_OUTBOX_OFFSET_DIR", (key, dir) -> work.resolve(replica).resolve("outbox-offsets").toString());
            ServiceProcess.Spec second = new ServiceProcess.Spec(replica, spec.moduleDir(), Ports.free(), env,
                    spec.jvmOptions(), work.resolve(replica), log(replica));
            register(second);
            ServiceProcess process = ServiceProcess.start(second);
            running.put(replica, process);
            started.add(process);
        }
        NexusServices.awaitAllReady(started, READY_TIMEOUT);
    }

    /** Waits until every service answers ready again (after the broker or the database was away). */
    void awaitAllReady() {
        NexusServices.awaitAllReady(List.copyOf(running.values()), READY_TIMEOUT);
    }

    // ---- access -------------------------------------------------------------------------------------------------

    ServiceProcess service(String name) {
        ServiceProcess process = running.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return process;
    }

    /** The demo shop's connection, created on first use (which starts its first cycle). */
    synchronized ShopifyConnection shopifyConnection() {
        if (shopifyConnection == null) {
            shopifyConnection = ShopifyConnection.create(api());
        }
        return shopifyConnection;
    }

    /**
     * The eBay, Walmart, bol and Kaufland connections of the tenant whose webhooks the gateway verifies, created on
     * first use.
     */
    synchronized WebhookConnections webhookConnections() {
        if (webhookConnections == null) {
            webhookConnections = WebhookConnections.create(api(), gatewayUrl(), ebay.signer());
        }
        return webhookConnections;
    }

    /** The values no log may contain: the connections' credentials, the database password, the key ring. */
    synchronized List<String> secrets() {
        List<String> secrets = new ArrayList<>(ShopifyConnection.secrets());
        if (webhookConnections != null) {
            secrets.addAll(webhookConnections.secrets());
        }
        secrets.add(this.secrets.databasePassword());
        for (String entry : this.secrets.keyRingSpec().split(",")) {
            secrets.add(entry.substring(entry.indexOf(':') + 1));
        }
        return secrets;
    }

    ShopifySimulator shopify() {
        return shopify;
    }

    String bootstrapServers() {
        return brokerSettings.bootstrapServers();
    }

    String connectionServiceUrl() {
        return service(NexusServices.CONNECTION_SERVICE).baseUrl();
    }

    String gatewayUrl() {
        return service(WEBHOOK_GATEWAY).baseUrl();
    }

    String bearerToken() {
        return bearerToken(TENANT);
    }

    String bearerToken(String tenant) {
        return secrets.jwtSigner().tokenForTenant(tenant, "fault-suite", Duration.ofHours(2));
    }

    ConnectionsClient api() {
        return api(TENANT);
    }

    /** The REST API as a user of {@code tenant}. */
    ConnectionsClient api(String tenant) {
        return new ConnectionsClient(connectionServiceUrl(), bearerToken(tenant));
    }

    TopicReader topics() {
        return new TopicReader(bootstrapServers());
    }

    /** Every log the stack wrote: services (all incarnations append to one file), broker, database. */
    List<Path> logFiles() {
        List<Path> logs = new ArrayList<>();
        specs.values().forEach(spec -> logs.add(spec.logFile()));
        logs.add(log("kafka"));
        return logs;
    }

    String describe() {
        StringBuilder text = new StringBuilder("fault stack logs (" + work.resolve("logs") + "):\n");
        running.forEach((name, process) -> text.append("  ").append(name)
                .append(process.process().isAlive() ? " (running) " : " (EXITED) ").append(process.process().logFile())
                .append('\n'));
        return text.toString();
    }

    @Override
    public void close() {
        NexusServices.stopAll(List.copyOf(running.values()));
        running.clear();
        closeQuietly(broker);
        if (database != null) {
            database.stop(INFRA_TIMEOUT);
        }
        shopify.close();
        ebay.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // stopping twice (shutdown hook after JUnit) or a server already stopped by a scenario
        }
    }
}

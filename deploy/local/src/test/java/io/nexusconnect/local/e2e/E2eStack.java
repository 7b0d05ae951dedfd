package io.nexusconnect.local.e2e;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.local.postgres.LocalPostgres;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.sims.amazon.AmazonSimConfig;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.amazon.SellerAccount;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.testinfra.SharedInfra;
import io.nexusconnect.testinfra.TestTokens;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole system of one test JVM, shared by every end-to-end test class: test-infra's Kafka and PostgreSQL, the
 * Amazon simulator in this JVM, and connection-service, sync-orchestrator and adapter-amazon as processes from their
 * {@code quarkus-app} jars on free ports, wired exactly as {@code ./nexus local} wires them. Closed by JUnit after the
 * last test (it lives in the root extension store), before test-infra's shutdown hook stops Kafka and PostgreSQL.
 */
public final class E2eStack implements AutoCloseable {
    /** Orders the simulator's seller holds: more than ten {@code getOrders} pages of 100. */
    public static final int SEEDED_ORDERS = 1200;
    public static final int ORDERS_PAGE_SIZE = 100;
    /**
     * Simulator and adapter run this many times faster than Amazon's documented rates (both sides, so the adapter's
     * token buckets still match the simulator's): {@code getOrderItems} at 0.5 rps would take 40 minutes per cycle.
     */
    public static final double SPEED_FACTOR = 300;
    public static final String TENANT = "e2e-tenant";
    /** The seller of the happy path: the simulator's demo seller. */
    public static final SellerAccount HAPPY_SELLER = AmazonSimulator.DEMO.seller();
    /**
     * The seller of the fault story. A seller can be connected only once per marketplace, and its own orders keep the
     * two stories' counts apart (the simulator's faults are global, so the test classes never run at the same time).
     */
    public static final SellerAccount FAULTS_SELLER = new SellerAccount("A3NEXUSE2EFAULTS", "Nexus E2E Faults Store",
            AmazonSimulator.DEMO.marketplaceId(), AmazonSimulator.DEMO.region(), AmazonSimulator.DEMO.lwaClientId(),
            "Atzr|nexus-e2e-faults-refresh-token-00000000000000000002");
    /** The seller the console's browser tests connect through the Add Connection form, in a tenant of their own. */
    public static final SellerAccount CONSOLE_SELLER = new SellerAccount("A3NEXUSE2ECONSOLE", "Nexus Console Store",
            AmazonSimulator.DEMO.marketplaceId(), AmazonSimulator.DEMO.region(), AmazonSimulator.DEMO.lwaClientId(),
            "Atzr|nexus-e2e-console-refresh-token-0000000000000003");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final AmazonSimulator simulator;
    private final List<ServiceProcess> services;
    private final Path logs;

    private E2eStack(AmazonSimulator simulator, List<ServiceProcess> services, Path logs) {
        this.simulator = simulator;
        this.services = services;
        this.logs = logs;
    }

    static E2eStack start() {
        long begin = System.nanoTime();
        Path work = Path.of("target", "e2e", "run-" + System.currentTimeMillis()).toAbsolutePath();
        AmazonSimulator simulator = AmazonSimulator.start(AmazonSimConfig.builder()
                .orders(SEEDED_ORDERS).speedFactor(SPEED_FACTOR).seller(FAULTS_SELLER).seller(CONSOLE_SELLER).build());
        try {
            List<ServiceProcess> services = NexusServices.startAll(specs(work, simulator), READY_TIMEOUT);
            System.out.printf("e2e: %s up in %d ms; logs in %s%n", services.stream().map(ServiceProcess::name).toList(),
                    (System.nanoTime() - begin) / 1_000_000, work.resolve("logs"));
            // a safety net for a JVM that ends without JUnit closing the store (stopping twice is harmless)
            Runtime.getRuntime().addShutdownHook(new Thread(() -> NexusServices.stopAll(services), "e2e-services-stop"));
            return new E2eStack(simulator, services, work.resolve("logs"));
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    private static List<ServiceProcess.Spec> specs(Path work, AmazonSimulator simulator) {
        URI jdbc = URI.create(SharedInfra.jdbcUrl().substring("jdbc:".length()));
        LocalPostgres.Database database = new LocalPostgres.Database(jdbc.getHost(), jdbc.getPort(),
                jdbc.getPath().substring(1), SharedInfra.username(), SharedInfra.password());
        NexusServices.Wiring wiring = new NexusServices.Wiring(SharedInfra.kafkaBootstrapServers(), database,
                SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId(), TestTokens.publicKeyPem(), TestTokens.ISSUER,
                simulator.lwaTokenUrl(), simulator.baseUrl(), simulator.sandboxBaseUrl(), SPEED_FACTOR,
                Map.of("NEXUS_AMAZON_ORDERS_PAGE_SIZE", String.valueOf(ORDERS_PAGE_SIZE),
                        // 3 attempts per call instead of 5: a persistent 429 with its real-time Retry-After fails a
                        // step in ~2 s instead of ~10 s, and one transient 429 or 500 is still retried
                        "NEXUS_AMAZON_HTTP_MAX_ATTEMPTS", "3"));
        NexusServices.ServicePorts ports = new NexusServices.ServicePorts(Ports.free(), Ports.free(), Ports.free());
        return NexusServices.specs(NexusServices.repoRoot(), work, ports, wiring, ServiceProcess.DEFAULT_JVM_OPTIONS);
    }

    public AmazonSimulator simulator() {
        return simulator;
    }

    /** The credential form of a new Amazon connection for {@code seller} (the app is the simulator's demo app). */
    public static Map<String, String> credentialFields(SellerAccount seller) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("lwaClientId", seller.lwaClientId());
        fields.put("lwaClientSecret", AmazonSimulator.DEMO.lwaClientSecret());
        fields.put("refreshToken", seller.refreshToken());
        fields.put("sellingPartnerId", seller.sellingPartnerId());
        fields.put("marketplaceIds", seller.marketplaceId());
        fields.put("region", seller.region());
        return fields;
    }

    /** The values a connection's form carries that must never show up in events or logs. */
    public static List<String> secretsOf(Map<String, String> fields) {
        return List.of(fields.get("lwaClientSecret"), fields.get("refreshToken"));
    }

    /** The keys the seller's orders must have on {@code nexus.orders.v1} for {@code connectionId}. */
    public Set<String> orderKeys(SellerAccount seller, String connectionId) {
        return orderIds(seller).stream().map(orderId -> Topics.recordKey(connectionId, orderId))
                .collect(Collectors.toSet());
    }

    /** The Amazon order ids the seller holds. */
    public List<String> orderIds(SellerAccount seller) {
        return simulator.seller(seller.sellingPartnerId()).orders().stream().map(SimOrder::amazonOrderId).toList();
    }

    public List<ServiceProcess> services() {
        return services;
    }

    public String connectionServiceUrl() {
        return service(NexusServices.CONNECTION_SERVICE).baseUrl();
    }

    /** The REST API as a user of {@link #TENANT} calls it. */
    public ConnectionsClient client() {
        return new ConnectionsClient(connectionServiceUrl(), TestTokens.forTenant(TENANT));
    }

    public ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The services' log files, for the secret scan and for failure reports. */
    public List<Path> logFiles() {
        return services.stream().map(s -> s.process().logFile()).toList();
    }

    public Path logDir() {
        return logs;
    }

    /** Which services are still running, and their logs: printed when a test fails. */
    public String describe() {
        StringBuilder text = new StringBuilder("e2e service logs (" + logs + "):\n");
        for (ServiceProcess service : services) {
            text.append("  ").append(service.name()).append(service.process().isAlive() ? " (running) " : " (EXITED) ")
                    .append(service.process().logFile()).append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() {
        try {
            NexusServices.stopAll(services);
        } finally {
            simulator.close();
        }
    }
}

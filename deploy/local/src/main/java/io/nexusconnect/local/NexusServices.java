package io.nexusconnect.local;

import io.nexusconnect.local.postgres.LocalPostgres;
import io.nexusconnect.local.process.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The services of the stack as processes: which module, which port, and the environment that wires each to the shared
 * infrastructure. Used by {@code ./nexus local} and by the end-to-end tests (with free ports and a temp work dir).
 */
public final class NexusServices {
    public static final String CONNECTION_SERVICE = "connection-service";
    public static final String SYNC_ORCHESTRATOR = "sync-orchestrator";
    public static final String ADAPTER_AMAZON = "adapter-amazon";
    public static final String ADAPTER_EBAY = "adapter-ebay";
    public static final String ADAPTER_SHOPIFY = "adapter-shopify";
    public static final String ADAPTER_WALMART = "adapter-walmart";
    public static final String ADAPTER_KAUFLAND = "adapter-kaufland";
    public static final String ADAPTER_BOL = "adapter-bol";
    public static final String ADAPTER_ZALANDO = "adapter-zalando";
    public static final String WEBHOOK_GATEWAY = "webhook-gateway";
    /** webhook-gateway's port in {@code ./nexus local}. */
    public static final int WEBHOOK_GATEWAY_PORT = 8090;

    private NexusServices() {
    }

    /**
     * The checkout the services' jars are built in: the system property {@code nexus.home} (set by {@code ./nexus}), or
     * the nearest directory above the current one that holds connection-service (a test runs in {@code deploy/local}).
     */
    public static Path repoRoot() {
        String home = System.getProperty("nexus.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(CONNECTION_SERVICE).resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the nexus-connect checkout above " + Path.of("").toAbsolutePath()
                + "; set -Dnexus.home");
    }

    /** The ports the services listen on. */
    public record ServicePorts(int connectionService, int syncOrchestrator, int adapterAmazon) {
        public static final ServicePorts LOCAL = new ServicePorts(8081, 8082, 8083);
    }

    /**
     * Everything the services need to find each other and the infrastructure.
     *
     * @param amazonEndpoint      SP-API base URL for all three regions (the simulator's)
     * @param amazonSandboxEndpoint the same for connections with {@code sandbox=true}
     * @param amazonSpeedFactor   how much faster than the documented rate limits the adapter may call (simulator only)
     * @param extraEnvironment    added to every service's environment last (e.g. {@code NEXUS_ORCHESTRATOR_INTERVAL_OVERRIDE})
     */
    public record Wiring(String kafkaBootstrapServers, LocalPostgres.Database connectionsDatabase, String keyRingSpec,
                         String primaryKeyId, String jwtPublicKeyPem, String jwtIssuer, String amazonLwaTokenUrl,
                         String amazonEndpoint, String amazonSandboxEndpoint, double amazonSpeedFactor, Map<String, String> extraEnvironment) {
        public Wiring {
            extraEnvironment = Map.copyOf(extraEnvironment);
        }

        /** Names the secrets it holds without showing them. */
        @Override
        public String toString() {
            return "Wiring[kafka=" + kafkaBootstrapServers + ", db=" + connectionsDatabase + ", primaryKey=" + primaryKeyId
                    + ", amazon=" + amazonEndpoint + "]";
        }
    }

    /**
     * The three service specs: connection-service, sync-orchestrator and adapter-amazon.
     *
     * @param repoRoot the checkout (holds each module's {@code target/quarkus-app})
     * @param workDir  per-service run directories, logs ({@code logs/<service>.log}) and Debezium offsets
     */
    public static List<ServiceProcess.Spec> specs(Path repoRoot, Path workDir, ServicePorts ports, Wiring wiring,
                                                  List<String> jvmOptions) {
        List<ServiceProcess.Spec> specs = coreSpecs(repoRoot, workDir, ports, wiring, name -> jvmOptions);
        specs.add(adapterAmazon(repoRoot, workDir, ports.adapterAmazon(), wiring.kafkaBootstrapServers(),
                wiring.keyRingSpec(), wiring.primaryKeyId(), wiring.amazonLwaTokenUrl(), wiring.amazonEndpoint(),
                wiring.amazonSandboxEndpoint(), wiring.amazonSpeedFactor(), wiring.extraEnvironment(), jvmOptions));
        return specs;
    }

    /**
     * connection-service and sync-orchestrator, the services every stack has whatever marketplaces it runs.
     *
     * @param jvmOptions the JVM options of a service by its name
     */
    public static List<ServiceProcess.Spec> coreSpecs(Path repoRoot, Path workDir, ServicePorts ports, Wiring wiring,
                                                      Function<String, List<String>> jvmOptions) {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", wiring.kafkaBootstrapServers());
        common.put("NEXUS_CREDENTIALS_KEYS", wiring.keyRingSpec());
        common.put("NEXUS_CREDENTIALS_PRIMARY_KEY", wiring.primaryKeyId());
        common.put("MP_JWT_VERIFY_PUBLICKEY", wiring.jwtPublicKeyPem());
        common.put("MP_JWT_VERIFY_ISSUER", wiring.jwtIssuer());
        common.put("QUARKUS_DEVSERVICES_ENABLED", "false");

        Map<String, String> connectionService = new LinkedHashMap<>(common);
        LocalPostgres.Database database = wiring.connectionsDatabase();
        connectionService.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        connectionService.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
        connectionService.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        connectionService.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        connectionService.put("NEXUS_OUTBOX_OFFSET_DIR", workDir.resolve(CONNECTION_SERVICE).resolve("outbox-offsets").toAbsolutePath().toString());

        List<ServiceProcess.Spec> specs = new ArrayList<>();
        specs.add(spec(CONNECTION_SERVICE, ports.connectionService(), connectionService, repoRoot, workDir, wiring,
                jvmOptions.apply(CONNECTION_SERVICE)));
        specs.add(spec(SYNC_ORCHESTRATOR, ports.syncOrchestrator(), common, repoRoot, workDir, wiring,
                jvmOptions.apply(SYNC_ORCHESTRATOR)));
        return specs;
    }

    /**
     * adapter-amazon wired to the infrastructure and to SP-API at {@code endpoint} for all three regions (the
     * simulator's), {@code sandboxEndpoint} for connections with {@code sandbox=true}, LWA at {@code lwaTokenUrl}, its
     * rate limits {@code speedFactor} times the documented ones.
     */
    public static ServiceProcess.Spec adapterAmazon(Path repoRoot, Path workDir, int port, String kafkaBootstrapServers,
                                                    String keyRingSpec, String primaryKeyId, String lwaTokenUrl,
                                                    String endpoint, String sandboxEndpoint, double speedFactor,
                                                    Map<String, String> extraEnvironment, List<String> jvmOptions) {
        Map<String, String> amazon = new LinkedHashMap<>();
        amazon.put("NEXUS_AMAZON_LWA_TOKEN_URL", lwaTokenUrl);
        for (String region : List.of("NA", "EU", "FE")) {
            amazon.put("NEXUS_AMAZON_ENDPOINTS_" + region, endpoint);
            amazon.put("NEXUS_AMAZON_SANDBOX_ENDPOINTS_" + region, sandboxEndpoint);
        }
        amazon.put("NEXUS_AMAZON_RATE_LIMIT_SPEED_FACTOR", String.valueOf(speedFactor));
        return adapter(ADAPTER_AMAZON, repoRoot, workDir, port, kafkaBootstrapServers, keyRingSpec, primaryKeyId, amazon,
                extraEnvironment, jvmOptions);
    }

    /**
     * adapter-ebay wired to the infrastructure and to an eBay API at {@code ebayBaseUrl} (the simulator's: token
     * endpoint, api.ebay.com and apiz.ebay.com on one host).
     */
    public static ServiceProcess.Spec adapterEbay(Path repoRoot, Path workDir, int port, String kafkaBootstrapServers,
                                                  String keyRingSpec, String primaryKeyId, String ebayBaseUrl,
                                                  Map<String, String> extraEnvironment, List<String> jvmOptions) {
        Map<String, String> ebay = new LinkedHashMap<>();
        ebay.put("NEXUS_EBAY_PRODUCTION_TOKEN_URL", ebayBaseUrl + "/identity/v1/oauth2/token");
        ebay.put("NEXUS_EBAY_PRODUCTION_API_URL", ebayBaseUrl);
        ebay.put("NEXUS_EBAY_PRODUCTION_IDENTITY_URL", ebayBaseUrl);
        return adapter(ADAPTER_EBAY, repoRoot, workDir, port, kafkaBootstrapServers, keyRingSpec, primaryKeyId, ebay,
                extraEnvironment, jvmOptions);
    }

    /**
     * adapter-shopify wired to the infrastructure and to a Shopify Admin API at {@code shopifyBaseUrl} (the simulator:
     * every shop's {@code https://{shop}} is replaced by it).
     */
    public static ServiceProcess.Spec adapterShopify(Path repoRoot, Path workDir, int port, String kafkaBootstrapServers,
                                                     String keyRingSpec, String primaryKeyId, String shopifyBaseUrl,
                                                     Map<String, String> extraEnvironment, List<String> jvmOptions) {
        return adapter(ADAPTER_SHOPIFY, repoRoot, workDir, port, kafkaBootstrapServers, keyRingSpec, primaryKeyId,
                Map.of("NEXUS_SHOPIFY_ENDPOINT_OVERRIDE", shopifyBaseUrl), extraEnvironment, jvmOptions);
    }

    /**
     * adapter-walmart wired to the infrastructure and to the Marketplace APIs at {@code walmartBaseUrl} (the
     * simulator's: {@code /v3/token} and the APIs on one host), its token buckets {@code speedFactor} times the
     * documented rates (1 in front of Walmart, the simulator's factor against a simulator whose buckets are as fast).
     */
    public static ServiceProcess.Spec adapterWalmart(Path repoRoot, Path workDir, int port, String kafkaBootstrapServers,
                                                     String keyRingSpec, String primaryKeyId, String walmartBaseUrl,
                                                     double speedFactor, Map<String, String> extraEnvironment,
                                                     List<String> jvmOptions) {
        // system properties, not environment variables: "walmart-token" and the per-operation bucket names do not
        // survive the environment's upper-case, underscore-only names
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dnexus.apis.walmart.base-url=" + walmartBaseUrl);
        options.add("-Dnexus.apis.walmart-token.base-url=" + walmartBaseUrl + "/v3/token");
        options.add("-Dnexus.apis.walmart.speed-factor=" + speedFactor);
        return adapter(ADAPTER_WALMART, repoRoot, workDir, port, kafkaBootstrapServers, keyRingSpec, primaryKeyId,
                Map.of(), extraEnvironment, options);
    }

    /**
     * adapter-kaufland wired to the infrastructure and to the Seller API v2 at {@code kauflandApiUrl} (the simulator's
     * {@link io.nexusconnect.sims.kaufland.KauflandSimulator#baseUrl()}), its backoff {@code speedFactor} times faster.
     */
    public static ServiceProcess.Spec adapterKaufland(Path repoRoot, Path workDir, int port, String kafkaBootstrapServers,
                                                      String keyRingSpec, String primaryKeyId, String kauflandApiUrl,
                                                      double speedFactor, Map<String, String> extraEnvironment,
                                                      List<String> jvmOptions) {
        Map<String, String> kaufland = new LinkedHashMap<>();
        kaufland.put("NEXUS_KAUFLAND_API_URL", kauflandApiUrl);
        kaufland.put("NEXUS_KAUFLAND_SPEED_FACTOR", String.valueOf(speedFactor));
        return adapter(ADAPTER_KAUFLAND, repoRoot, workDir, port, kafkaBootstrapServers, keyRingSpec, primaryKeyId,
                kaufland, extraEnvironment, jvmOptions);
    }

    /**
     * adapter-bol wired to the infrastructure and to the Retailer API at {@code bolBaseUrl} (the simulator's: the API
     * and {@code /token} on one host), its per-operation buckets {@code speedFactor} times bol's published limits and
     * process statuses polled every {@code processStatusPoll}.
     */
    public static ServiceProcess.Spec adapterBol(Path repoRoot, Path workDir, int port, String kafkaBootstrapServers,
                                                 String keyRingSpec, String primaryKeyId, String bolBaseUrl,
                                                 double speedFactor, Duration processStatusPoll,
                                                 Map<String, String> extraEnvironment, List<String> jvmOptions) {
        // system properties: "bol-token" and the operation ids do not survive the environment's naming
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dnexus.apis.bol.base-url=" + bolBaseUrl);
        options.add("-Dnexus.apis.bol-token.base-url=" + bolBaseUrl + "/token");
        options.add("-Dnexus.apis.bol.speed-factor=" + speedFactor);
        options.add("-Dnexus.bol.process-status.poll-interval=" + processStatusPoll);
        return adapter(ADAPTER_BOL, repoRoot, workDir, port, kafkaBootstrapServers, keyRingSpec, primaryKeyId,
                Map.of(), extraEnvironment, options);
    }

    /**
     * adapter-zalando wired to the infrastructure and to zDirect at {@code zalandoBaseUrl} (the simulator's: the API
     * and {@code /auth/token} on one host), its per-minute buckets {@code speedFactor} times the documented ones.
     */
    public static ServiceProcess.Spec adapterZalando(Path repoRoot, Path workDir, int port, String kafkaBootstrapServers,
                                                     String keyRingSpec, String primaryKeyId, String zalandoBaseUrl,
                                                     double speedFactor, Map<String, String> extraEnvironment,
                                                     List<String> jvmOptions) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dnexus.apis.zalando.base-url=" + zalandoBaseUrl);
        options.add("-Dnexus.apis.zalando-token.base-url=" + zalandoBaseUrl + "/auth/token");
        options.add("-Dnexus.apis.zalando.speed-factor=" + speedFactor);
        return adapter(ADAPTER_ZALANDO, repoRoot, workDir, port, kafkaBootstrapServers, keyRingSpec, primaryKeyId,
                Map.of(), extraEnvironment, options);
    }

    /**
     * webhook-gateway wired to Kafka and the key ring (it verifies deliveries with the connections' webhook secrets),
     * answering on {@code publicBaseUrl} (what callbacks are registered with).
     */
    public static ServiceProcess.Spec webhookGateway(Path repoRoot, Path workDir, int port, String kafkaBootstrapServers,
                                                     String keyRingSpec, String primaryKeyId, String publicBaseUrl,
                                                     Map<String, String> extraEnvironment, List<String> jvmOptions) {
        return adapter(WEBHOOK_GATEWAY, repoRoot, workDir, port, kafkaBootstrapServers, keyRingSpec, primaryKeyId,
                Map.of("NEXUS_GATEWAY_PUBLIC_BASE_URL", publicBaseUrl), extraEnvironment, jvmOptions);
    }

    /** A service beside the three: Kafka, the key ring, its marketplace's endpoints, then the extras. */
    private static ServiceProcess.Spec adapter(String name, Path repoRoot, Path workDir, int port,
                                               String kafkaBootstrapServers, String keyRingSpec, String primaryKeyId,
                                               Map<String, String> marketplaceEnvironment,
                                               Map<String, String> extraEnvironment, List<String> jvmOptions) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("NEXUS_CREDENTIALS_KEYS", keyRingSpec);
        env.put("NEXUS_CREDENTIALS_PRIMARY_KEY", primaryKeyId);
        env.put("QUARKUS_DEVSERVICES_ENABLED", "false");
        env.putAll(marketplaceEnvironment);
        env.putAll(extraEnvironment);
        return new ServiceProcess.Spec(name, repoRoot.resolve(name), port, env, jvmOptions, workDir.resolve(name),
                workDir.resolve("logs").resolve(name + ".log"));
    }

    private static ServiceProcess.Spec spec(String name, int port, Map<String, String> environment, Path repoRoot,
                                            Path workDir, Wiring wiring, List<String> jvmOptions) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(wiring.extraEnvironment());
        return new ServiceProcess.Spec(name, repoRoot.resolve(name), port, env, jvmOptions, workDir.resolve(name),
                workDir.resolve("logs").resolve(name + ".log"));
    }

    /**
     * Starts every service at once (their start-up overlaps, which matters on two cores) and waits until all are
     * ready. If one fails, all are stopped and the failure, with the end of its log, is thrown.
     */
    public static List<ServiceProcess> startAll(List<ServiceProcess.Spec> specs, Duration readyTimeout) {
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (ServiceProcess.Spec spec : specs) {
                started.add(ServiceProcess.start(spec));
            }
            awaitAllReady(started, readyTimeout);
            return started;
        } catch (RuntimeException e) {
            stopAll(started);
            throw e;
        }
    }

    /**
     * Waits for all at once. The first failure (with the end of that service's log) is thrown at once: the other
     * waits are interrupted rather than run to their timeout.
     */
    public static void awaitAllReady(List<ServiceProcess> services, Duration readyTimeout) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Void> firstFailure = new CompletableFuture<>();
            CompletableFuture<?>[] waits = services.stream()
                    .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(readyTimeout), executor)
                            .whenComplete((ok, failure) -> {
                                if (failure != null) {
                                    firstFailure.completeExceptionally(failure);
                                }
                            }))
                    .toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.anyOf(CompletableFuture.allOf(waits), firstFailure).join();
            } catch (CompletionException e) {
                executor.shutdownNow();
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    /** Stops services in parallel: each gets its grace period for a clean shutdown, not one after the other. */
    public static void stopAll(List<ServiceProcess> services) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            services.forEach(service -> executor.execute(service::close));
        }
    }
}

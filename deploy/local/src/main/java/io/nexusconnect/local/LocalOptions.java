package io.nexusconnect.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line options of {@code ./nexus local}. Every option also has an environment variable, so the same settings
 * can live in a shell profile.
 */
record LocalOptions(Path repoRoot, Path workDir, int kafkaPort, int kafkaControllerPort, int postgresPort,
                    int simulatorPort, double speedFactor, int orders, String syncInterval, boolean demo, boolean ebay,
                    boolean shopify, boolean walmart, boolean kaufland, boolean unsafeFastPostgres) {

    /** The eBay simulator's port when {@code --ebay} is given (adapter-ebay listens on 8084). */
    static final int EBAY_SIMULATOR_PORT = 9111;
    /** The Shopify simulator's port when {@code --shopify} is given (adapter-shopify listens on 8085). */
    static final int SHOPIFY_SIMULATOR_PORT = 9105;
    /** The Walmart simulator's port when {@code --walmart} is given (adapter-walmart listens on 8086). */
    static final int WALMART_SIMULATOR_PORT = 9121;
    /** The Kaufland simulator's port when {@code --kaufland} is given (adapter-kaufland listens on 8087). */
    static final int KAUFLAND_SIMULATOR_PORT = 9131;

    static final String USAGE = """
            usage: ./nexus local [options]
              --work-dir DIR       state of the stack (Kafka log, PostgreSQL data, keys, logs)   [NEXUS_WORK_DIR, default <repo>/.work]
              --speed N            the simulator and the adapter run N times faster than Amazon's documented
                                   rate limits                                                    [NEXUS_SPEED_FACTOR, default 100]
              --orders N           orders the Amazon simulator holds                              [NEXUS_SIM_ORDERS, default 1500]
              --sync-interval D    sync every connection every D (e.g. 2m), whatever its setting  [NEXUS_SYNC_INTERVAL]
              --kafka-port N       Kafka listener (the controller takes N+1)                       [NEXUS_KAFKA_PORT, default 9092]
              --postgres-port N    PostgreSQL                                                      [NEXUS_POSTGRES_PORT, default 5432]
              --no-demo            do not create the demo connection
              --ebay               also run the eBay simulator (:9111) and adapter-ebay (:8084)    [NEXUS_EBAY=true]
              --shopify            also run the Shopify simulator (:9105) and adapter-shopify (:8085) [NEXUS_SHOPIFY=true]
              --walmart            also run the Walmart simulator (:9121) and adapter-walmart (:8086) [NEXUS_WALMART=true]
              --kaufland           also run the Kaufland simulator (:9131) and adapter-kaufland (:8087) [NEXUS_KAUFLAND=true]
              --unsafe-fast-postgres  PostgreSQL without fsync and synchronous commit: faster, but a crash can
                                   lose commits it acknowledged (default: durable)                [NEXUS_UNSAFE_FAST_POSTGRES=true]
            """;

    static LocalOptions parse(String[] args, Map<String, String> env) {
        Path repoRoot = NexusServices.repoRoot();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("work-dir", env.getOrDefault("NEXUS_WORK_DIR", repoRoot.resolve(".work").toString()));
        values.put("speed", env.getOrDefault("NEXUS_SPEED_FACTOR", "100"));
        values.put("orders", env.getOrDefault("NEXUS_SIM_ORDERS", "1500"));
        values.put("sync-interval", env.getOrDefault("NEXUS_SYNC_INTERVAL", ""));
        values.put("kafka-port", env.getOrDefault("NEXUS_KAFKA_PORT", "9092"));
        values.put("postgres-port", env.getOrDefault("NEXUS_POSTGRES_PORT", "5432"));
        boolean demo = true;
        boolean ebay = Boolean.parseBoolean(env.getOrDefault("NEXUS_EBAY", "false"));
        boolean shopify = Boolean.parseBoolean(env.getOrDefault("NEXUS_SHOPIFY", "false"));
        boolean walmart = Boolean.parseBoolean(env.getOrDefault("NEXUS_WALMART", "false"));
        boolean kaufland = Boolean.parseBoolean(env.getOrDefault("NEXUS_KAUFLAND", "false"));
        boolean unsafeFast = Boolean.parseBoolean(env.getOrDefault("NEXUS_UNSAFE_FAST_POSTGRES", "false"));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--no-demo")) {
                demo = false;
            } else if (arg.equals("--ebay")) {
                ebay = true;
            } else if (arg.equals("--shopify")) {
                shopify = true;
            } else if (arg.equals("--walmart")) {
                walmart = true;
            } else if (arg.equals("--kaufland")) {
                kaufland = true;
            } else if (arg.equals("--unsafe-fast-postgres")) {
                unsafeFast = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                throw new UsageException(null);
            } else if (arg.startsWith("--") && values.containsKey(arg.substring(2)) && i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new UsageException("unknown or incomplete option: " + arg);
            }
        }
        try {
            int kafkaPort = Integer.parseInt(values.get("kafka-port"));
            double speed = Double.parseDouble(values.get("speed"));
            if (speed < 1) {
                throw new UsageException("--speed must be at least 1 (1 = Amazon's documented rates)");
            }
            String interval = values.get("sync-interval").trim();
            if (!interval.isEmpty()) {
                Duration.parse("PT" + interval.toUpperCase()); // fails early on e.g. "2 minutes"
            }
            return new LocalOptions(repoRoot, Path.of(values.get("work-dir")).toAbsolutePath().normalize(), kafkaPort,
                    kafkaPort + 1, Integer.parseInt(values.get("postgres-port")), 9101, speed,
                    Integer.parseInt(values.get("orders")), interval, demo, ebay, shopify, walmart,
                    kaufland, unsafeFast);
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new UsageException("invalid value: " + e.getMessage());
        }
    }

    /** A wrong command line: printed with the usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

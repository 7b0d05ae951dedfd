package io.nexusconnect.local;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.local.demo.DemoMarketplaces;
import io.nexusconnect.local.process.Ports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * Command-line options of {@code ./nexus local}. Every option also has an environment variable, so the same settings
 * can live in a shell profile.
 *
 * @param marketplaces the marketplaces whose simulator, adapter and demo connection run (all seven unless a subset
 *                     was chosen)
 * @param portOffset   added to every fixed port (services 8081-8090, simulators 9101-9151, Kafka, PostgreSQL), so a
 *                     second stack can run beside the first
 */
record LocalOptions(Path repoRoot, Path workDir, int portOffset, int kafkaPort, int kafkaControllerPort,
                    int postgresPort, double speedFactor, int orders, String syncInterval, boolean demo,
                    Set<Marketplace> marketplaces, boolean unsafeFastPostgres, LocalJvm jvm, boolean bench) {
    /** Where {@code --port-offset auto} starts looking, and how far it steps: clear of the fixed ports and their shifts. */
    static final int AUTO_OFFSET_FIRST = 20_000;
    static final int AUTO_OFFSET_STEP = 1_000;
    static final int AUTO_OFFSET_LAST = 40_000;

    static final String USAGE = """
            usage: ./nexus local [options]
              Runs Kafka, PostgreSQL, connection-service, sync-orchestrator, webhook-gateway and, per marketplace, its
              simulator (in the launcher's JVM) and its adapter; creates one demo connection per marketplace and shows
              them syncing. All seven marketplaces unless a subset is chosen:
              --only LIST          a subset, comma-separated: amazon,ebay,shopify,walmart,kaufland,bol,zalando [NEXUS_ONLY]
              --amazon --ebay --shopify --walmart --kaufland --bol --zalando
                                   the same, one flag per marketplace (e.g. --ebay --bol = --only ebay,bol)
                                   [NEXUS_<MARKETPLACE>=true]
              --work-dir DIR       state of the stack (Kafka log, PostgreSQL data, keys, CDS archives, logs)
                                                                                   [NEXUS_WORK_DIR, default <repo>/.work]
              --speed N            simulators and adapters run N times faster than the documented rate limits
                                                                                   [NEXUS_SPEED_FACTOR, default 100]
              --orders N           orders each simulator holds                     [NEXUS_SIM_ORDERS, default 1500]
              --sync-interval D    sync every connection every D (e.g. 2m), whatever its setting  [NEXUS_SYNC_INTERVAL]
              --port-offset N      add N to every port below (a second stack beside the first)   [NEXUS_PORT_OFFSET, default 0]
                                   'auto': the first of 20000, 21000, ... at which every port of the stack is free
              --kafka-port N       Kafka listener (the controller takes N+1)       [NEXUS_KAFKA_PORT, default 9092]
              --postgres-port N    PostgreSQL                                      [NEXUS_POSTGRES_PORT, default 5432]
              --no-demo            do not create the demo connections
              --bench              ./nexus bench's P5: start, wait until every demo connection finished its first sync,
                                   record start time and memory as a JSON row (NEXUS_BENCH_DIR), stop everything
              --jvm-tuning LEVEL   none, heap, cds or threads (each adds to the one before; README) [NEXUS_JVM_TUNING, default cds]
              --unsafe-fast-postgres  PostgreSQL without fsync and synchronous commit: faster, but a crash can
                                   lose commits it acknowledged (default: durable)  [NEXUS_UNSAFE_FAST_POSTGRES=true]
              ports: connection-service 8081, sync-orchestrator 8082, webhook-gateway 8090; adapters amazon 8083,
                     ebay 8084, shopify 8085, walmart 8086, kaufland 8087, bol 8088, zalando 8089; simulators amazon
                     9101 (+9102 sandbox), shopify 9105, ebay 9111, walmart 9121, kaufland 9131, zalando 9141, bol 9151
            """;

    /** A fixed port of the stack, shifted by {@code --port-offset}. */
    int port(int base) {
        return base + portOffset;
    }

    boolean runs(Marketplace marketplace) {
        return marketplaces.contains(marketplace);
    }

    /** Every fixed port of the stack with what listens on it. */
    Map<Integer, String> fixedPorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(kafkaPort, "Kafka");
        ports.put(kafkaControllerPort, "Kafka controller");
        ports.put(postgresPort, "PostgreSQL; choose another with --postgres-port");
        ports.put(port(8081), NexusServices.CONNECTION_SERVICE);
        ports.put(port(8082), NexusServices.SYNC_ORCHESTRATOR);
        ports.put(port(NexusServices.WEBHOOK_GATEWAY_PORT), NexusServices.WEBHOOK_GATEWAY);
        for (Marketplace marketplace : marketplaces) {
            ports.put(port(DemoMarketplaces.simulatorPort(marketplace)), marketplace.displayName() + " simulator");
            ports.put(port(DemoMarketplaces.adapterPort(marketplace)), DemoMarketplaces.adapterName(marketplace));
        }
        if (runs(Marketplace.AMAZON)) {
            ports.put(port(DemoMarketplaces.simulatorPort(Marketplace.AMAZON) + 1), "Amazon simulator sandbox");
        }
        return ports;
    }

    static LocalOptions parse(String[] args, Map<String, String> env) {
        return parse(args, env, Ports::isFree);
    }

    /** @param free whether a port is free now, for {@code --port-offset auto} */
    static LocalOptions parse(String[] args, Map<String, String> env, IntPredicate free) {
        Path repoRoot = NexusServices.repoRoot();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("work-dir", env.getOrDefault("NEXUS_WORK_DIR", repoRoot.resolve(".work").toString()));
        values.put("speed", env.getOrDefault("NEXUS_SPEED_FACTOR", "100"));
        values.put("orders", env.getOrDefault("NEXUS_SIM_ORDERS", "1500"));
        values.put("sync-interval", env.getOrDefault("NEXUS_SYNC_INTERVAL", ""));
        values.put("port-offset", env.getOrDefault("NEXUS_PORT_OFFSET", "0"));
        values.put("kafka-port", env.getOrDefault("NEXUS_KAFKA_PORT", ""));
        values.put("postgres-port", env.getOrDefault("NEXUS_POSTGRES_PORT", ""));
        values.put("only", env.getOrDefault("NEXUS_ONLY", ""));
        values.put("jvm-tuning", env.getOrDefault("NEXUS_JVM_TUNING", "cds"));
        boolean demo = true;
        boolean bench = false;
        boolean unsafeFast = Boolean.parseBoolean(env.getOrDefault("NEXUS_UNSAFE_FAST_POSTGRES", "false"));
        Set<Marketplace> chosen = EnumSet.noneOf(Marketplace.class);
        for (Marketplace marketplace : Marketplace.values()) {
            if (Boolean.parseBoolean(env.getOrDefault("NEXUS_" + marketplace.name(), "false"))) {
                chosen.add(marketplace);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            Marketplace flag = arg.startsWith("--") ? Marketplace.find(arg.substring(2)).orElse(null) : null;
            if (flag != null) {
                chosen.add(flag);
            } else if (arg.equals("--no-demo")) {
                demo = false;
            } else if (arg.equals("--bench")) {
                bench = true;
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
        chosen.addAll(marketplaces(values.get("only")));
        try {
            if (!values.get("port-offset").trim().equals("auto")) {
                return build(repoRoot, values, Integer.parseInt(values.get("port-offset")), demo, chosen, unsafeFast, bench);
            }
            for (int offset = AUTO_OFFSET_FIRST; offset <= AUTO_OFFSET_LAST; offset += AUTO_OFFSET_STEP) {
                LocalOptions options = build(repoRoot, values, offset, demo, chosen, unsafeFast, bench);
                if (options.fixedPorts().keySet().stream().allMatch(free::test)) {
                    return options;
                }
            }
            throw new UsageException("--port-offset auto: no offset from " + AUTO_OFFSET_FIRST + " to " + AUTO_OFFSET_LAST
                    + " has every port of the stack free");
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value: " + e.getMessage());
        }
    }

    private static LocalOptions build(Path repoRoot, Map<String, String> values, int offset, boolean demo,
                                      Set<Marketplace> chosen, boolean unsafeFast, boolean bench) {
        try {
            int kafkaPort = values.get("kafka-port").isBlank() ? 9092 + offset : Integer.parseInt(values.get("kafka-port"));
            int postgresPort = values.get("postgres-port").isBlank() ? 5432 + offset
                    : Integer.parseInt(values.get("postgres-port"));
            double speed = Double.parseDouble(values.get("speed"));
            if (speed < 1) {
                throw new UsageException("--speed must be at least 1 (1 = the documented rates)");
            }
            String interval = values.get("sync-interval").trim();
            if (!interval.isEmpty()) {
                Duration.parse("PT" + interval.toUpperCase()); // fails early on e.g. "2 minutes"
            }
            return new LocalOptions(repoRoot, Path.of(values.get("work-dir")).toAbsolutePath().normalize(), offset,
                    kafkaPort, kafkaPort + 1, postgresPort, speed, Integer.parseInt(values.get("orders")), interval, demo,
                    Collections.unmodifiableSet(chosen.isEmpty() ? EnumSet.allOf(Marketplace.class) : chosen),
                    unsafeFast, LocalJvm.parse(values.get("jvm-tuning")), bench);
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new UsageException("invalid value: " + e.getMessage());
        }
    }

    private static Set<Marketplace> marketplaces(String list) {
        Set<Marketplace> chosen = EnumSet.noneOf(Marketplace.class);
        for (String id : list.split(",")) {
            if (!id.isBlank()) {
                chosen.add(Marketplace.find(id.trim().toLowerCase()).orElseThrow(() -> new UsageException(
                        "unknown marketplace '" + id.trim() + "' in --only; known: " + Arrays.stream(Marketplace.values())
                                .map(Marketplace::id).collect(Collectors.joining(",")))));
            }
        }
        return chosen;
    }

    /** A wrong command line: printed with the usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

package io.nexusconnect.local;

import io.nexusconnect.local.process.ServiceProcess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code ./nexus local} sizes the JVMs of its ten services so that all of them, Kafka, PostgreSQL and the launcher
 * fit two cores and a few GiB. The steps are cumulative; what each one bought is measured in deploy/local/README.md.
 */
enum LocalJvm {
    /** The end-to-end tests' options: {@link ServiceProcess#DEFAULT_JVM_OPTIONS} (512 MiB heap cap, C1 only). */
    NONE,
    /** A heap cap per service from what it holds after its first syncs, a small start heap, code cache and stacks. */
    HEAP,
    /** HEAP + an AppCDS archive per service, written by the first run's JVM on exit and mapped by every later start. */
    CDS,
    /** CDS + fewer threads: one JIT compiler thread, two Vert.x event loops per service. */
    THREADS;

    static LocalJvm parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LocalOptions.UsageException("--jvm-tuning must be none, heap, cds or threads, not " + value);
        }
    }

    /** The JVM options of {@code service}; CDS archives live under {@code workDir/cds}. */
    List<String> options(String service, Path workDir) {
        if (this == NONE) {
            return ServiceProcess.DEFAULT_JVM_OPTIONS;
        }
        List<String> options = new ArrayList<>(List.of("-Xms16m", "-Xmx" + heapMiB(service) + "m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m", "-Xss512k",
                "-Djava.net.preferIPv4Stack=true"));
        if (compareTo(CDS) >= 0) {
            // JDK 19+: uses the archive when it matches this JDK and class path, else writes a new one at exit
            options.add("-XX:SharedArchiveFile=" + workDir.resolve("cds").resolve(service + ".jsa").toAbsolutePath());
            options.add("-XX:+AutoCreateSharedArchive");
        }
        if (compareTo(THREADS) >= 0) {
            options.add("-XX:CICompilerCount=1");
        }
        return List.copyOf(options);
    }

    /** Added to every service's environment. */
    Map<String, String> environment() {
        return compareTo(THREADS) >= 0 ? Map.of("QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE", "2") : Map.of();
    }

    /**
     * The heap cap per service. connection-service holds Hibernate Reactive, Flyway and Debezium's embedded engine;
     * the orchestrator its schedule and fan-out state; an adapter a cycle's page and its producer's batches.
     */
    private static int heapMiB(String service) {
        return switch (service) {
            case NexusServices.CONNECTION_SERVICE -> 256;
            case NexusServices.SYNC_ORCHESTRATOR -> 192;
            case NexusServices.WEBHOOK_GATEWAY -> 128;
            default -> 160;
        };
    }
}

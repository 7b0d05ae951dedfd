package io.nexusconnect.local;

import io.nexusconnect.local.process.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How {@code ./nexus local} sizes the JVMs of its ten services so that all of them, Kafka, PostgreSQL and the launcher
 * fit two cores and a few GiB. The steps are cumulative; what each one bought is measured in deploy/local/README.md.
 */
enum LocalJvm {
    /** The end-to-end tests' options: {@link ServiceProcess#DEFAULT_JVM_OPTIONS} (512 MiB heap cap, C1 only). */
    NONE,
    /** A heap cap per service from what it holds after its first syncs, a small start heap, code cache and stacks. */
    HEAP,
    /**
     * HEAP + an AppCDS archive per service: the first start records what it loads, the launcher has each service dump
     * its archive once the demo connections are active ({@code jcmd VM.cds dynamic_dump}; a dump at exit would race
     * the shutdown of ten JVMs), and every later start maps it.
     */
    CDS,
    /** CDS + fewer threads: one JIT compiler thread, two Vert.x event loops per service (measured: no gain; README). */
    THREADS;

    static LocalJvm parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LocalOptions.UsageException("--jvm-tuning must be none, heap, cds or threads, not " + value);
        }
    }

    /** The JVM options of {@code service}; CDS archives live under {@code workDir/cds}. */
    List<String> options(String service, Path repoRoot, Path workDir) {
        if (this == NONE) {
            return ServiceProcess.DEFAULT_JVM_OPTIONS;
        }
        List<String> options = new ArrayList<>(List.of("-Xms16m", "-Xmx" + heapMiB(service) + "m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m", "-Xss512k",
                "-Djava.net.preferIPv4Stack=true"));
        if (compareTo(CDS) >= 0) {
            Path archive = archive(service, repoRoot, workDir);
            options.add(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:+RecordDynamicDumpInfo");
        }
        if (compareTo(THREADS) >= 0) {
            options.add("-XX:CICompilerCount=1");
        }
        return List.copyOf(options);
    }

    /**
     * Where the archive of {@code service} lives: named after its build (the app jar's time) and the JDK, since an
     * archive is only valid for the class path and JVM that wrote it.
     */
    static Path archive(String service, Path repoRoot, Path workDir) {
        Path appJar = repoRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        long built;
        try {
            built = Files.getLastModifiedTime(appJar).toMillis();
        } catch (IOException e) {
            built = 0; // not built: ServiceProcess says so when it starts
        }
        return workDir.resolve("cds").resolve(service + "-" + built + "-jdk" + Runtime.version().feature() + ".jsa")
                .toAbsolutePath();
    }

    /**
     * Has every service that runs without an archive write one ({@code jcmd <pid> VM.cds dynamic_dump}), one after
     * the other so the stack keeps a core; returns how many were written.
     */
    int dumpMissingArchives(List<ServiceProcess> services, Path repoRoot, Path workDir) {
        if (compareTo(CDS) < 0) {
            return 0;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        int written = 0;
        for (ServiceProcess service : services) {
            Path archive = archive(service.name(), repoRoot, workDir);
            if (Files.isRegularFile(archive) || !Files.isExecutable(jcmd) || !service.process().isAlive()) {
                continue;
            }
            try {
                Files.createDirectories(archive.getParent());
                Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(service.process().pid()), "VM.cds",
                        "dynamic_dump", archive.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (dump.waitFor(2, TimeUnit.MINUTES) && dump.exitValue() == 0 && Files.isRegularFile(archive)) {
                    written++;
                } else {
                    dump.destroyForcibly();
                }
            } catch (IOException e) {
                // no archive this time: the service starts without one again, as now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return written;
            }
        }
        return written;
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

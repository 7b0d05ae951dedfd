package io.nexusconnect.local.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Quarkus service run from its {@code target/quarkus-app/quarkus-run.jar}, configured only through environment
 * variables (the way Kubernetes configures it), ready when {@code /q/health/ready} answers 200.
 */
public final class ServiceProcess implements AutoCloseable {
    /** Modest heaps and a serial GC: three services, a broker and a database share two cores on a laptop. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true");

    private final Spec spec;
    private final ChildProcess process;

    private ServiceProcess(Spec spec, ChildProcess process) {
        this.spec = spec;
        this.process = process;
    }

    /**
     * @param moduleDir the service's Maven module (holds {@code target/quarkus-app})
     * @param environment configuration; {@code QUARKUS_HTTP_PORT} is added from {@code port}
     */
    public record Spec(String name, Path moduleDir, int port, Map<String, String> environment, List<String> jvmOptions,
                       Path runDir, Path logFile) {
        public Spec {
            environment = Map.copyOf(environment);
            jvmOptions = List.copyOf(jvmOptions);
        }

        public Path appJar() {
            return moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        }

        /** Names only: the environment holds the key ring and passwords. */
        @Override
        public String toString() {
            return "Spec[" + name + ", port " + port + ", env " + environment.keySet() + "]";
        }
    }

    public static ServiceProcess start(Spec spec) {
        if (!Files.isRegularFile(spec.appJar())) {
            throw new IllegalStateException(spec.name() + " is not built: " + spec.appJar() + " is missing (run `./mvnw install -DskipTests`)");
        }
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(spec.port()));
        List<String> arguments = new ArrayList<>(spec.jvmOptions());
        arguments.add("-jar");
        arguments.add(spec.appJar().toAbsolutePath().toString());
        ChildProcess process = ChildProcess.startJava(
                new ChildProcess.Spec(spec.name(), arguments, environment, spec.runDir(), spec.logFile()));
        return new ServiceProcess(spec, process);
    }

    public String name() {
        return spec.name();
    }

    public String baseUrl() {
        return "http://localhost:" + spec.port();
    }

    public ChildProcess process() {
        return process;
    }

    /** Blocks until the readiness check passes (Kafka, database, consumers up); fails with the log when it dies. */
    public void awaitReady(Duration timeout) {
        Await.until(spec.name() + " ready at " + baseUrl() + "/q/health/ready", timeout, process,
                () -> Await.httpOk(baseUrl() + "/q/health/ready"));
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "ServiceProcess[" + spec.name() + " on " + spec.port() + ", pid " + process.pid() + "]";
    }
}

package io.nexusconnect.local.kafka;

import io.nexusconnect.contracts.kafka.TopicProvisioner;
import io.nexusconnect.local.process.Await;
import io.nexusconnect.local.process.ChildProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real, standalone Kafka 4 broker in its own JVM ({@code kafka.Kafka}), KRaft mode, one node that is broker and
 * controller at once. Its log directory survives restarts: storage is formatted only on the first start.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
            "-Djava.awt.headless=true", "-Djava.net.preferIPv4Stack=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn");

    private static final String PROCESS_NAME = "kafka";

    private final Settings settings;
    private final ChildProcess process;

    /**
     * @param dir     the broker's own directory: {@code server.properties}, {@code data/} (the log), the pid file
     * @param libs    directory of the jars of kafka_2.13 and its dependencies ({@link #defaultLibs()})
     * @param logFile where the broker's output goes
     */
    public record Settings(Path dir, int port, int controllerPort, Path libs, Path logFile) {
        public String bootstrapServers() {
            return "127.0.0.1:" + port;
        }

        Path dataDir() {
            return dir.resolve("data");
        }

        Path serverProperties() {
            return dir.resolve("server.properties");
        }
    }

    private KafkaBroker(Settings settings, ChildProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** Stops a broker an earlier launcher, killed hard, left running in this directory. */
    public static void stopLeftover(Settings settings) {
        ChildProcess.stopLeftover(PROCESS_NAME, settings.dir());
    }

    /** Formats the storage if needed, starts the broker process and waits until it answers metadata requests. */
    public static KafkaBroker start(Settings settings, Duration timeout) {
        writeServerProperties(settings);
        if (!Files.exists(settings.dataDir().resolve("meta.properties"))) {
            format(settings);
        }
        ChildProcess process = ChildProcess.startJava(new ChildProcess.Spec(PROCESS_NAME, javaArguments(settings, "kafka.Kafka",
                settings.serverProperties().toString()), Map.of(), settings.dir(), settings.logFile()));
        KafkaBroker broker = new KafkaBroker(settings, process);
        try {
            Await.until("Kafka broker answering on " + settings.bootstrapServers(), timeout, process, broker::answers);
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /**
     * The jars next to this module's classes: {@code target/lib}, filled by maven-dependency-plugin. Overridable with
     * the system property {@code nexus.kafka.libs}.
     */
    public static Path defaultLibs() {
        String override = System.getProperty("nexus.kafka.libs");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        try {
            Path classes = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().resolve("lib");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the Kafka jars; set -Dnexus.kafka.libs", e);
        }
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public ChildProcess process() {
        return process;
    }

    /** Creates every topic of the system ({@code Topics.all()}) that is not there yet. */
    public void createTopics() {
        TopicProvisioner.ensureAll(bootstrapServers());
    }

    private boolean answers() {
        // a plain connect first: an admin client pointed at a closed port logs a warning on every retry
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", settings.port()), 1000);
        } catch (IOException e) {
            return false;
        }
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static void format(Settings settings) {
        ChildProcess tool = ChildProcess.startJava(new ChildProcess.Spec("kafka-storage-format", javaArguments(settings,
                "kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", settings.serverProperties().toString()), Map.of(), settings.dir(), settings.logFile()));
        int exit = tool.awaitExit(Duration.ofMinutes(2));
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed (exit " + exit + "):\n" + tool.logTail(30));
        }
    }

    private static List<String> javaArguments(Settings settings, String mainClass, String... arguments) {
        if (!Files.isDirectory(settings.libs())) {
            throw new IllegalStateException("Kafka jars not found in " + settings.libs() + " (run `./mvnw install -DskipTests`)");
        }
        List<String> command = new ArrayList<>(JVM_OPTIONS);
        command.addAll(List.of("-cp", settings.libs().toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Replication factors are 1 for the internal topics, or a one-node cluster never gets a group coordinator. Fewer
     * internal partitions than the defaults (50) keep the first start fast.
     */
    private static void writeServerProperties(Settings settings) {
        String properties = """
                # generated by the local stack on every start; edits are overwritten
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=6
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=6
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=6
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                log.cleaner.dedupe.buffer.size=2097152
                """.formatted(settings.port(), settings.controllerPort(), settings.dataDir().toAbsolutePath());
        try {
            Files.createDirectories(settings.dataDir());
            Files.writeString(settings.serverProperties(), properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings.serverProperties(), e);
        }
    }

    /** Controlled shutdown through SIGTERM; the log stays for the next start. */
    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", pid " + process.pid() + "]";
    }
}

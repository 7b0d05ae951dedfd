package io.nexusconnect.local.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A program the stack runs as a child process: its output goes to a log file, its pid to a pid file, and it is
 * stopped together with everything it started.
 *
 * <p>Every command carries a marker argument ({@code -Dnexus.local.process=<name>@<pid file>}) so that a process left
 * behind by a launcher that was killed hard (kill -9 runs no shutdown hook) can be recognised and stopped on the next
 * start, without ever touching an unrelated process that happens to reuse the pid.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(20);
    /**
     * Children run in their own session, so Ctrl-C in the terminal reaches only the launcher, which then stops them in
     * order (services before the broker they flush to). A child is never a process group leader, so setsid execs in
     * place and the pid we hold is the JVM's.
     */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /**
     * What to run. {@code javaArguments} follow the {@code java} binary of this JVM; the marker goes first.
     *
     * @param runDir directory holding the pid file; also the working directory, so no stray config file in the
     *               caller's current directory (Quarkus reads {@code ./config/application.properties}) leaks in
     */
    public record Spec(String name, List<String> javaArguments, Map<String, String> environment, Path runDir, Path logFile) {
        public Spec {
            javaArguments = List.copyOf(javaArguments);
            environment = Map.copyOf(environment);
        }

        /** Names only: the environment holds the key ring and passwords. */
        @Override
        public String toString() {
            return "Spec[" + name + ", env " + environment.keySet() + ", log " + logFile + "]";
        }
    }

    public static ChildProcess startJava(Spec spec) {
        Path pidFile = pidFile(spec.name(), spec.runDir());
        String marker = marker(spec.name(), pidFile);
        stopLeftover(pidFile, marker);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(javaBinary().toString());
        command.add(marker);
        command.addAll(jdkWarningsOff());
        command.addAll(spec.javaArguments());
        try {
            Files.createDirectories(spec.runDir());
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.runDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(spec.logFile().toFile()))
                    .redirectInput(Redirect.from(new File("/dev/null")));
            builder.environment().putAll(spec.environment());
            Process process = builder.start();
            Files.writeString(pidFile, process.pid() + "\n" + marker + "\n");
            return new ChildProcess(spec.name(), process, spec.logFile(), pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    /**
     * Kafka's and Netty's use of {@code sun.misc.Unsafe} and native libraries is known and allowed; without these
     * flags JDK 23+ prints a warning block into every log.
     */
    static List<String> jdkWarningsOff() {
        List<String> options = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /** The {@code java} of the JVM we run in: the JDK ≥ 21 the launcher script picked. */
    public static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Waits for the process to end on its own (a tool, not a server); its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(name + " did not finish within " + timeout + "\n" + logTail(40));
            }
            deletePidFile();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** Fails with the end of the log when the process has died, so a start-up error shows where it happened. */
    public void ensureAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; last lines of "
                    + logFile + ":\n" + logTail(40));
        }
    }

    /** The last lines of the log, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + logFile + " not readable: " + e.getMessage() + ")";
        }
    }

    /**
     * SIGTERM first, so Kafka and Quarkus shut down cleanly (flush, leave the consumer group, close the replication
     * slot); after the grace period the whole process tree is killed.
     */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        stopTree(process.toHandle(), descendants);
        deletePidFile();
    }

    private static void stopTree(ProcessHandle root, List<ProcessHandle> descendants) {
        if (root.isAlive()) {
            root.destroy();
            try {
                root.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                root.destroyForcibly();
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file is harmless: the marker check keeps it from matching anything but our own process
        }
    }

    /**
     * Stops the process a launcher killed with kill -9 left behind under this name and run directory, if any. Called
     * before the ports are checked, so a leftover does not look like a port conflict.
     */
    public static void stopLeftover(String name, Path runDir) {
        Path pidFile = pidFile(name, runDir);
        stopLeftover(pidFile, marker(name, pidFile));
    }

    private static Path pidFile(String name, Path runDir) {
        return runDir.resolve(name + ".pid");
    }

    private static String marker(String name, Path pidFile) {
        return "-Dnexus.local.process=" + name + "@" + pidFile.toAbsolutePath();
    }

    private static void stopLeftover(Path pidFile, String marker) {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            Optional<ProcessHandle> leftover = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.getFirst().trim()));
            leftover.filter(handle -> handle.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                    .ifPresent(handle -> {
                        System.out.println("stopping a leftover " + marker.substring(marker.indexOf('=') + 1)
                                + " (pid " + handle.pid() + ") from an earlier run");
                        stopTree(handle, handle.descendants().toList());
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // unreadable pid file: nothing we can safely stop
        }
    }

    @Override
    public String toString() {
        return "ChildProcess[" + name + ", pid " + process.pid() + "]";
    }
}

package io.nexusconnect.testinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 17 server from the zonky binaries, with logical decoding on so that Debezium (pgoutput) can
 * stream the outbox table. Durable (fsync and synchronous_commit on, PostgreSQL's defaults): fault tests stop it
 * and rely on every acknowledged commit being there afterwards. It can be stopped and started again on the same
 * port with the same data directory, as an operator's restart would.
 */
final class EmbeddedPostgresServer implements PostgresServer {

    private final Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    static EmbeddedPostgresServer start() {
        try {
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(Files.createTempDirectory("nexus-test-pg-"));
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
        }
    }

    /** Starts the server: on a free port the first time, then again on that port, with the data it had. */
    @Override
    public synchronized void startServer() {
        if (postgres != null) {
            return;
        }
        awaitShutDown();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("max_connections", "300")
                    // zonky's defaults trade durability for speed (fsync off, synchronous_commit off): not here
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            if (port != 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
        }
    }

    /** Stops the server (PostgreSQL's fast shutdown); its port and data stay for {@link #startServer()}. */
    @Override
    public synchronized void stopServer() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // zonky's pg_ctl gives the fast shutdown 5 s; with a logical replication client (Debezium) and a busy
            // machine it can take longer, and the server is still going down: wait for it below
            System.err.println("test-infra: pg_ctl stop did not confirm in time (" + e.getMessage() + "); waiting");
        } finally {
            postgres = null;
        }
        awaitShutDown();
    }

    /** Waits until no postmaster holds the data directory (its pid file is gone), as a restart needs. */
    private void awaitShutDown() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        while (Files.exists(pidFile)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL still holds " + dataDirectory + " 90 s after its shutdown");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PostgreSQL shut down", e);
            }
        }
    }

    synchronized boolean running() {
        return postgres != null;
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        stopServer();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

package io.nexusconnect.local.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 server from the zonky binaries (Maven Central, no install), with logical decoding on for
 * Debezium's pgoutput. Its data directory is kept between runs: initdb happens only on the first start.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    /**
     * @param dir     the server's own directory: {@code data/} (the cluster) and {@code runtime/} (unpacked binaries)
     * @param logFile where the server's output goes
     */
    /** @param unsafeFast fsync, synchronous commit and full-page writes off: faster, but a crash loses acknowledged commits */
    public record Settings(Path dir, int port, Path logFile, boolean unsafeFast) {
        Path dataDir() {
            return dir.resolve("data");
        }
    }

    /** A database and the login role that owns it. The password is a secret: never printed. */
    public record Database(String host, int port, String name, String user, String password) {
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        /** The form of Quarkus's reactive client ({@code quarkus.datasource.reactive.url}). */
        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }

        @Override
        public String toString() {
            return "Database[" + jdbcUrl() + ", user " + user + "]";
        }
    }

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static LocalPostgres start(Settings settings) {
        try {
            Files.createDirectories(settings.dir().resolve("runtime"));
            Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
            stopLeftover(settings);
            Redirect log = Redirect.appendTo(settings.logFile().toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(settings.dataDir())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(settings.dir().resolve("runtime").toFile())
                    .setPort(settings.port())
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "10")
                    .setServerConfig("max_wal_senders", "10")
                    .setServerConfig("max_connections", "200")
                    // durable unless asked otherwise: an acknowledged commit survives a crash of PostgreSQL or the host
                    .setServerConfig("fsync", settings.unsafeFast() ? "off" : "on")
                    .setServerConfig("synchronous_commit", settings.unsafeFast() ? "off" : "on")
                    .setServerConfig("full_page_writes", settings.unsafeFast() ? "off" : "on")
                    .start();
            return new LocalPostgres(postgres, settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + settings.dir() + " (see " + settings.logFile() + ")", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * Creates the role and its database unless they exist, and (re)sets the role's password. The role may replicate
     * and create publications on its own tables, which is what Debezium's pgoutput needs; it is not a superuser.
     */
    public Database ensureDatabase(String name, String user, String password) {
        requireIdentifier(name);
        requireIdentifier(user);
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            String role = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user) ? "ALTER ROLE " : "CREATE ROLE ";
            statement.execute(role + user + " LOGIN REPLICATION PASSWORD " + quoteLiteral(password));
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + user);
            }
            return new Database("localhost", port(), name, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs statements as the superuser in {@code database}, e.g. grants an extension needs. */
    public void executeAsSuperuser(String database, List<String> statements) {
        try (Connection connection = postgres.getDatabase(SUPERUSER, database).getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run statements on " + database + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Names go into DDL unquoted, so only plain lower-case identifiers are allowed. */
    private static void requireIdentifier(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain PostgreSQL identifier: " + identifier);
        }
    }

    private static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * A server left running by a launcher killed with kill -9 still holds the data directory; zonky would fail on
     * its lock file. SIGTERM is PostgreSQL's "smart" shutdown, enough once its clients are gone.
     */
    public static void stopLeftover(Settings settings) {
        postmaster(settings.dataDir()).ifPresent(handle -> {
            System.out.println("stopping a leftover PostgreSQL (pid " + handle.pid() + ") from an earlier run");
            handle.destroy();
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        });
    }

    /**
     * Fast shutdown (open transactions are rolled back, clients disconnected), waited for up to {@code timeout}, then
     * SIGKILL. The data directory stays: {@link #start} brings the server back on it. {@link #close()} alone gives up
     * after pg_ctl's fixed 5 s on a busy machine and leaves the server running; here the shutdown pg_ctl began is
     * waited for.
     */
    public void stop(Duration timeout) {
        Optional<ProcessHandle> server = postmaster(dataDir);
        close(); // pg_ctl stop -m fast; releases zonky's lock on the data directory whether or not it saw the exit
        server.filter(ProcessHandle::isAlive).ifPresent(handle -> {
            try {
                handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                handle.destroyForcibly();
                handle.onExit().join();
            }
        });
    }

    /** The server running on {@code dataDir}, from its {@code postmaster.pid}, if it is a live {@code postgres}. */
    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2 || !Path.of(lines.get(1)).toAbsolutePath().equals(dataDir.toAbsolutePath())) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                    .filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            // unreadable pid file: PostgreSQL itself decides whether it is stale
            return Optional.empty();
        }
    }

    /** Fast shutdown ({@code pg_ctl stop -m fast}); the data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }
}

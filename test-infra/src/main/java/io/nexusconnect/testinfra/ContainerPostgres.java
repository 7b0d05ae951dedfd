package io.nexusconnect.testinfra;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

/**
 * The shared PostgreSQL from the official {@code postgres:17} image, configured like the embedded one (logical
 * decoding for Debezium, durable: fsync and synchronous_commit on). Its host port is fixed when the container is
 * created, so an outage test can stop the container and start it again on the same port with the same data, as with
 * the embedded server.
 */
final class ContainerPostgres implements PostgresServer {
    private static final int POSTGRES_PORT = 5432;
    private final PostgreSQLContainer container;
    private final int hostPort;

    private ContainerPostgres(PostgreSQLContainer container, int hostPort) {
        this.container = container;
        this.hostPort = hostPort;
    }

    static ContainerPostgres start() {
        String image = System.getProperty("nexus.test.infra.postgres-image", "postgres:17");
        int hostPort = freePort();
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image))
                .withUsername(USER)
                .withPassword(PASSWORD)
                .withDatabaseName(DATABASE);
        container.withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=20",
                        "-c", "max_wal_senders=20", "-c", "max_connections=300", "-c", "fsync=on",
                        "-c", "synchronous_commit=on")
                .withCreateContainerCmdModifier(cmd -> {
                    HostConfig hostConfig = cmd.getHostConfig() == null ? new HostConfig() : cmd.getHostConfig();
                    cmd.withHostConfig(hostConfig.withPortBindings(
                            new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(POSTGRES_PORT))));
                });
        container.start();
        return new ContainerPostgres(container, hostPort);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return hostPort;
    }

    /**
     * Stops the container with PostgreSQL's fast shutdown (SIGINT, the official image's stop signal: SIGTERM would
     * wait for every client to disconnect); port and data stay.
     */
    @Override
    public synchronized void stopServer() {
        var docker = DockerClientFactory.instance().client();
        docker.killContainerCmd(container.getContainerId()).withSignal("SIGINT").exec();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Boolean.TRUE.equals(docker.inspectContainerCmd(container.getContainerId()).exec().getState().getRunning())) {
            if (Instant.now().isAfter(deadline)) {
                docker.stopContainerCmd(container.getContainerId()).withTimeout(1).exec();
                return;
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL stopped", e);
        }
    }

    /** Starts the stopped container again and waits until PostgreSQL accepts connections. */
    @Override
    public synchronized void startServer() {
        DockerClientFactory.instance().client().startContainerCmd(container.getContainerId()).exec();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (container.execInContainer("pg_isready", "-h", "127.0.0.1", "-U", USER).getExitCode() == 0) {
                    return;
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PostgreSQL started again", e);
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within a minute of its restart");
    }

    @Override
    public void close() {
        container.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for PostgreSQL", e);
        }
    }
}

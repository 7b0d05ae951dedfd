package io.nexusconnect.testinfra;

/**
 * The shared PostgreSQL 17 server of a test JVM (logical decoding on, durable), whichever backend runs it. It can be
 * stopped and started again on the same port with the same data, as an operator's restart would.
 */
interface PostgresServer extends AutoCloseable {
    String USER = "postgres";
    String PASSWORD = "postgres";
    String DATABASE = "postgres";

    String host();

    int port();

    void stopServer();

    void startServer();
}

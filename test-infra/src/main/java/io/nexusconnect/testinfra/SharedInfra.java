package io.nexusconnect.testinfra;

import io.nexusconnect.contracts.kafka.TopicProvisioner;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one Kafka broker and the one PostgreSQL server of a test JVM, started on first use and shared by every test
 * class (starting them per class would dominate the suite's time). Stopped by a shutdown hook. In this JVM by default,
 * or from containers ({@link InfraBackend}): the tests are the same either way.
 *
 * <p>Every topic of {@code Topics.all()} exists before any test runs, with its real partitioning and cleanup
 * policy: services never create topics themselves.
 */
public final class SharedInfra {
    public static final String PRIMARY_KEY_ID = "test-k1";
    private static final String KEY_RING = PRIMARY_KEY_ID + ":" + randomKey() + ",test-k0:" + randomKey();

    private static volatile Started started;

    private record Started(KafkaServer kafka, PostgresServer postgres) {
    }

    private SharedInfra() {
    }

    private static Started started() {
        Started current = started;
        if (current == null) {
            synchronized (SharedInfra.class) {
                current = started;
                if (current == null) {
                    current = start();
                    started = current;
                }
            }
        }
        return current;
    }

    private static Started start() {
        long begin = System.nanoTime();
        QuietInfraLogs.apply();
        InfraBackend backend = InfraBackend.selected();
        KafkaServer kafka = backend.startKafka();
        PostgresServer postgres = backend.startPostgres();
        TopicProvisioner.ensureAll(kafka.bootstrapServers());
        Started result = new Started(kafka, postgres);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(kafka);
            closeQuietly(postgres);
        }, "test-infra-shutdown"));
        System.out.printf("test-infra (%s): Kafka %s and PostgreSQL on port %d up in %d ms%n",
                backend.name().toLowerCase(java.util.Locale.ROOT), kafka.bootstrapServers(), postgres.port(),
                (System.nanoTime() - begin) / 1_000_000);
        return result;
    }

    public static String kafkaBootstrapServers() {
        return started().kafka().bootstrapServers();
    }

    public static int postgresPort() {
        return started().postgres().port();
    }

    /**
     * Stops the shared PostgreSQL server, as an outage would (for fault tests; every test class of the JVM shares it,
     * so such a test must start it again before it ends).
     */
    public static void stopPostgres() {
        started().postgres().stopServer();
    }

    /** Starts the shared PostgreSQL server again, on the same port with the same data. */
    public static void startPostgres() {
        started().postgres().startServer();
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://" + started().postgres().host() + ":" + postgresPort() + "/" + PostgresServer.DATABASE;
    }

    public static String reactiveUrl() {
        return "postgresql://" + started().postgres().host() + ":" + postgresPort() + "/" + PostgresServer.DATABASE;
    }

    public static String username() {
        return PostgresServer.USER;
    }

    public static String password() {
        return PostgresServer.PASSWORD;
    }

    /** The credential key ring of this JVM: two random AES-256 keys, {@link #PRIMARY_KEY_ID} seals. */
    public static String keyRingSpec() {
        return KEY_RING;
    }

    public static String primaryKeyId() {
        return PRIMARY_KEY_ID;
    }

    /** Everything a service needs to run against this JVM's infrastructure, as Quarkus configuration. */
    public static Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.reactive.url", reactiveUrl());
        config.put("quarkus.datasource.username", username());
        config.put("quarkus.datasource.password", password());
        config.put("quarkus.devservices.enabled", "false");
        config.put("nexus.credentials.keys", keyRingSpec());
        config.put("nexus.credentials.primary-key", primaryKeyId());
        config.put("mp.jwt.verify.publickey", TestTokens.publicKeyPem());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        QuietInfraLogs.CATEGORIES.forEach(category -> config.put("quarkus.log.category.\"" + category + "\".level", "WARN"));
        return config;
    }

    /** The same as {@link #quarkusConfig()}, as environment variables for a service started as a process. */
    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        quarkusConfig().forEach((key, value) -> {
            if (!key.contains("\"")) { // log categories: a process logs to its own file, at its own levels
                env.put(key.toUpperCase().replace('.', '_').replace('-', '_'), value);
            }
        });
        return env;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("test-infra: shutdown of " + closeable.getClass().getSimpleName() + " failed: " + e);
        }
    }
}

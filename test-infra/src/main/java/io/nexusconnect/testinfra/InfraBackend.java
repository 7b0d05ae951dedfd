package io.nexusconnect.testinfra;

import java.util.Locale;

/**
 * Where the shared Kafka and PostgreSQL of a test JVM come from. {@code embedded} (the default): in this JVM and
 * from the zonky binaries, nothing else needed. {@code containers}: from Testcontainers, the official
 * {@code apache/kafka} image at the project's Kafka version (KRaft) and {@code postgres:17}, for machines that run
 * Docker. Chosen with the system property {@code nexus.test.infra} (e.g. {@code ./nexus test -Pcontainers} or
 * {@code -Dnexus.test.infra=containers}) or the environment variable {@code NEXUS_TEST_INFRA}.
 */
enum InfraBackend {
    EMBEDDED, CONTAINERS;

    static final String PROPERTY = "nexus.test.infra";

    static InfraBackend selected() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv("NEXUS_TEST_INFRA");
        }
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + "=" + value + " is not a test-infra backend: embedded or containers");
        }
    }

    KafkaServer startKafka() {
        return this == CONTAINERS ? ContainerKafka.start() : EmbeddedKafka.start();
    }

    PostgresServer startPostgres() {
        return this == CONTAINERS ? ContainerPostgres.start() : EmbeddedPostgresServer.start();
    }
}

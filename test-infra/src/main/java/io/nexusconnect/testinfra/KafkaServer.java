package io.nexusconnect.testinfra;

/** The shared Kafka broker of a test JVM, whichever backend runs it. */
interface KafkaServer extends AutoCloseable {
    String bootstrapServers();
}

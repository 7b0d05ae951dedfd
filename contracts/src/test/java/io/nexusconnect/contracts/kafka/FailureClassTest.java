package io.nexusconnect.contracts.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureClassTest {

    @Test
    @DisplayName("A record that does not decode is poison, wherever it sits in the cause chain")
    void malformedIsPoison() {
        assertThat(FailureClass.of(new CompletionException(new MalformedEventException("not JSON")))).isEqualTo(FailureClass.POISON);
    }

    @Test
    @DisplayName("A database that is away, a refused connection, a timeout and a retriable broker error are transient")
    void dependencyFailuresAreTransient() {
        assertThat(FailureClass.of(new RuntimeException(new SQLException("connection refused", "08001")))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new SQLException("terminating connection due to administrator command", "57P01"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new SQLException("Sorry, acquisition timeout!"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new IllegalStateException(new ConnectException("Connection refused")))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new java.util.concurrent.TimeoutException())).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new NotLeaderOrFollowerException("moving"))).isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    @DisplayName("A constraint violation is poison; an unexplained exception is a fault")
    void contentAndDefects() {
        assertThat(FailureClass.of(new SQLException("duplicate key", "23505"))).isEqualTo(FailureClass.POISON);
        assertThat(FailureClass.of(new NullPointerException())).isEqualTo(FailureClass.FAULT);
    }

    @Test
    @DisplayName("Backoff doubles from its first wait and stays at its cap")
    void backoffDoublesToItsCap() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(5));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.after(40)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("A dead letter keeps the record and its headers and adds the dlq.* vocabulary")
    void deadLetterHeaders() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("nexus.sync-events.v1", 3, 42L, "k", "{oops");
        record.headers().add(CloudEvents.TYPE, "io.nexusconnect.sync.started.v1".getBytes(StandardCharsets.UTF_8));

        var dead = DeadLetters.toRecord(record, new MalformedEventException("value is not JSON"), "/nexus/test",
                Instant.parse("2026-11-30T06:00:00Z"));

        assertThat(dead.topic()).isEqualTo("nexus.sync-events.v1.dlq");
        assertThat(dead.key()).isEqualTo("k");
        assertThat(dead.value()).isEqualTo("{oops");
        assertThat(header(dead, CloudEvents.TYPE)).isEqualTo("io.nexusconnect.sync.started.v1");
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("value is not JSON");
        assertThat(header(dead, DeadLetters.FAILURE)).isEqualTo("poison");
        assertThat(header(dead, DeadLetters.TOPIC)).isEqualTo("nexus.sync-events.v1");
        assertThat(header(dead, DeadLetters.PARTITION)).isEqualTo("3");
        assertThat(header(dead, DeadLetters.OFFSET)).isEqualTo("42");
        assertThat(header(dead, DeadLetters.SERVICE)).isEqualTo("/nexus/test");
        assertThat(header(dead, DeadLetters.FAILED_AT)).isEqualTo("2026-11-30T06:00:00Z");
    }

    private static String header(org.apache.kafka.clients.producer.ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

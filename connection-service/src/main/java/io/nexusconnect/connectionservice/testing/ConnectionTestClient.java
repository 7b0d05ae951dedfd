package io.nexusconnect.connectionservice.testing;

import io.nexusconnect.contracts.kafka.KafkaClientProperties;
import io.nexusconnect.connectionservice.problem.TimeoutProblem;
import io.nexusconnect.connectionservice.problem.UnavailableProblem;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test Connection over Kafka request-reply: publishes a {@link ConnectionTestRequested} and waits, bounded, for the
 * {@link ConnectionTestResult} with the same requestId that the marketplace's adapter publishes. The request carries
 * {@code expiresAt}, so an adapter that takes it too late does not answer a caller that has given up.
 */
@ApplicationScoped
public class ConnectionTestClient {
    static final String SOURCE = "/nexus/connection-service";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "nexus.connection-test.timeout", defaultValue = "10s")
    Duration timeout;
    @Inject
    Clock clock;

    private final Map<UUID, CompletableFuture<ConnectionTestResult>> pending = new ConcurrentHashMap<>();
    private KafkaProducer<String, String> producer;
    private ReplyListener replies;

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(KafkaClientProperties.of(bootstrapServers, Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "connection-service-tests",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000")),
                new StringSerializer(), new StringSerializer());
        replies = new ReplyListener(bootstrapServers, this::complete);
        replies.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (replies != null) {
            replies.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    public boolean listening() {
        return replies != null && replies.listening();
    }

    public Duration timeout() {
        return timeout;
    }

    /** The adapter's verdict on {@code connection}, or a {@link TimeoutProblem} when none answers in time. */
    public Uni<ConnectionTestResult> test(ConnectionSnapshot connection) {
        if (!listening()) {
            // a reply published before the listener has its positions could be missed: refuse rather than time out
            return Uni.createFrom().failure(new UnavailableProblem("connection tests are not available yet; try again"));
        }
        Instant now = clock.instant();
        ConnectionTestRequested request = new ConnectionTestRequested(UUID.randomUUID(), connection.marketplace(),
                connection, now, now.plus(timeout));
        CompletableFuture<ConnectionTestResult> answer = new CompletableFuture<>();
        pending.put(request.requestId(), answer);
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CONNECTION_TESTS, null, request.key(),
                Json.write(request), CloudEvents.headers(request.requestId().toString(), request.eventType(), SOURCE,
                request.key(), now));
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(record, (metadata, failure) -> {
            if (failure == null) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(failure);
            }
        });
        return Uni.createFrom().completionStage(sent)
                .onFailure().transform(failure -> new UnavailableProblem("the connection test could not be sent to "
                        + connection.marketplace().displayName() + "'s adapter; try again"))
                .chain(() -> Uni.createFrom().completionStage(answer))
                .ifNoItem().after(timeout).failWith(() -> new TimeoutProblem("no " + connection.marketplace().displayName()
                        + " adapter answered the connection test within " + timeout.toSeconds()
                        + " s; the adapter may be down, try again later"))
                .onTermination().invoke(() -> pending.remove(request.requestId()));
    }

    private void complete(ConnectionTestResult result) {
        CompletableFuture<ConnectionTestResult> waiting = pending.remove(result.requestId());
        if (waiting != null) {
            waiting.complete(result);
        }
        // otherwise: another replica's request, or one already timed out
    }
}

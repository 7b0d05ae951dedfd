package io.nexusconnect.connectionservice.inbox;

import io.nexusconnect.contracts.kafka.FailureClass;
import io.micrometer.core.instrument.MeterRegistry;
import io.nexusconnect.contracts.kafka.RetryBackoff;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What every consumer of this service does around its own work, by the system's one failure rule
 * ({@link FailureClass}): a record that does not decode, or whose content the database rejects, is dead-lettered once
 * with the reason; a failure of the database or the network is retried with backoff until it works, the channel
 * waiting behind the record (SmallRye pauses the partitions meanwhile), so nothing is skipped and order is kept; a
 * fault is tried a few times, then dead-lettered. The returned Uni completes, and the record is acknowledged, only
 * after its effect was committed or its dead letter acknowledged. Counted on {@code /q/metrics}:
 * {@code nexus_consumer_retries_total{topic,failure}} and {@code nexus_consumer_dead_letters_total{topic}}.
 */
@ApplicationScoped
public class InboundProcessing {
    private static final Logger LOG = Logger.getLogger(InboundProcessing.class);
    static final int FAULT_ATTEMPTS = 3;

    @Inject
    DeadLetterPublisher deadLetters;
    @Inject
    MeterRegistry metrics;

    RetryBackoff backoff = RetryBackoff.CONSUMERS;

    /**
     * Decodes {@code record} and applies {@code work} to the event.
     *
     * @param decode reads the event; throws {@link io.nexusconnect.contracts.kafka.MalformedEventException} for poison
     * @param work   applies it (in its own transaction); may be repeated, so it must be idempotent
     */
    public <T> Uni<Void> process(ConsumerRecord<String, String> record, Function<ConsumerRecord<String, String>, T> decode,
                                 Function<T, Uni<?>> work) {
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        T event;
        try {
            event = decode.apply(record);
        } catch (RuntimeException e) {
            return give(record, e, onContext);
        }
        return attempt(record, () -> work.apply(event), onContext, 1, 1);
    }

    private Uni<Void> attempt(ConsumerRecord<String, String> record, java.util.function.Supplier<Uni<?>> work,
                              Executor onContext, int attempt, int faults) {
        return Uni.createFrom().deferred(work).replaceWithVoid()
                .onFailure().recoverWithUni(failure -> switch (FailureClass.of(failure)) {
                    case POISON -> give(record, failure, onContext);
                    case TRANSIENT -> {
                        metrics.counter("nexus.consumer.retries", "topic", record.topic(), "failure", "transient").increment();
                        Duration wait = backoff.after(attempt);
                        LOG.warnf("record %s failed transiently (attempt %d), retrying in %d ms: %s", where(record),
                                attempt, wait.toMillis(), describe(failure));
                        yield later(wait, onContext).chain(() -> attempt(record, work, onContext, attempt + 1, faults));
                    }
                    case FAULT -> {
                        if (faults >= FAULT_ATTEMPTS) {
                            LOG.errorf(failure, "record %s failed %d times and is dead-lettered", where(record), faults);
                            yield give(record, failure, onContext);
                        }
                        metrics.counter("nexus.consumer.retries", "topic", record.topic(), "failure", "fault").increment();
                        yield later(backoff.after(faults), onContext)
                                .chain(() -> attempt(record, work, onContext, attempt + 1, faults + 1));
                    }
                });
    }

    /** Dead-letters the record; if Kafka itself is away meanwhile, that is retried like any transient failure. */
    private Uni<Void> give(ConsumerRecord<String, String> record, Throwable reason, Executor onContext) {
        if (FailureClass.of(reason) == FailureClass.POISON) {
            LOG.warnf("record %s is poison and is dead-lettered: %s", where(record), reason.getMessage());
        }
        metrics.counter("nexus.consumer.dead.letters", "topic", record.topic()).increment();
        return deadLetters.send(record, reason).emitOn(onContext)
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely();
    }

    private static Uni<Void> later(Duration wait, Executor onContext) {
        // back on the record's Vert.x context: the reactive session of the next attempt must be opened there
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait).emitOn(onContext);
    }

    private static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Type and message of the outermost failure; a driver message names no submitted values here (events only). */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return failure.getClass().getSimpleName() + (root != failure ? " (" + root.getClass().getSimpleName() + ": "
                + root.getMessage() + ")" : ": " + failure.getMessage());
    }
}

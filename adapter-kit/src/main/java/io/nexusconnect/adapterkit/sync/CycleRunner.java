package io.nexusconnect.adapterkit.sync;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncError;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncStarted;
import io.nexusconnect.contracts.sync.SyncTrigger;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one cycle: SyncStarted, the adapter's steps (each publishing records and progress through a
 * {@link RecordSink}), then SyncCompleted with counts, next cursors, outcome and the classified error — published only
 * after every record of the cycle was acknowledged. A marketplace failure ends as a failed (or partial) cycle, never
 * as an exception; only when Kafka cannot take the events does {@link #run} throw, so the request is retried.
 */
public final class CycleRunner {
    private static final Logger LOG = Logger.getLogger(CycleRunner.class);
    /** Errors after which the other steps cannot succeed either: the credentials or the account are the problem. */
    private static final Set<ErrorCode> ENDS_CYCLE = EnumSet.of(ErrorCode.TOKEN_EXPIRED, ErrorCode.INVALID_CREDENTIALS,
            ErrorCode.ACCOUNT_SUSPENDED, ErrorCode.TIMEOUT);
    /** How long a throttled connection stays rate_limited when the marketplace named no Retry-After. */
    private static final Duration DEFAULT_RATE_LIMIT_PAUSE = Duration.ofMinutes(1);

    private final SyncCycle cycle;
    private final EventPublisher publisher;
    private final CredentialOpener credentials;
    private final Clock clock;
    private final Duration maxCycleDuration;
    private final Duration ackTimeout;
    private final KitMetrics metrics;

    public CycleRunner(SyncCycle cycle, EventPublisher publisher, CredentialOpener credentials, Clock clock,
                       Duration maxCycleDuration, Duration ackTimeout) {
        this(cycle, publisher, credentials, clock, maxCycleDuration, ackTimeout, KitMetrics.none());
    }

    public CycleRunner(SyncCycle cycle, EventPublisher publisher, CredentialOpener credentials, Clock clock,
                       Duration maxCycleDuration, Duration ackTimeout, KitMetrics metrics) {
        this.metrics = metrics;
        this.cycle = cycle;
        this.publisher = publisher;
        this.credentials = credentials;
        this.clock = clock;
        this.maxCycleDuration = maxCycleDuration;
        this.ackTimeout = ackTimeout;
    }

    public SyncCycle cycle() {
        return cycle;
    }

    public SyncCompleted run(SyncRequested request) {
        Instant startedAt = clock.instant();
        await(publisher.publish(Topics.SYNC_EVENTS, new SyncStarted(request.syncId(), request.connectionId(),
                request.tenantId(), request.marketplace(), request.trigger(), request.scopes(), request.attempt(), startedAt)));
        CycleSink sink = new CycleSink(request, publisher, clock, startedAt.plus(maxCycleDuration), ackTimeout, metrics);
        Map<String, String> cursors = new LinkedHashMap<>();
        if (request.cursors() != null) {
            request.cursors().forEach((name, value) -> {
                if (name != null && value != null) {
                    cursors.put(name, value);
                }
            });
        }
        List<SyncError> failures = new ArrayList<>();
        Duration retryAfter = null;
        int succeeded = 0;
        try {
            ConnectionCredentials opened = credentials.open(request.connection());
            CycleContext context = new CycleContext(request, opened, clock, startedAt);
            if (request.trigger() == SyncTrigger.RECONNECT) {
                cycle.reconnect(context);
            }
            List<SyncStep> steps = cycle.steps(context);
            MarketplaceException endedBy = null;
            for (SyncStep step : steps) {
                if (endedBy != null) {
                    failures.add(stepError(step, endedBy));
                    continue;
                }
                try {
                    Map<String, String> next = step.body().run(sink);
                    sink.awaitAcks();
                    sink.takeCheckpoint();
                    cursors.putAll(next);
                    succeeded++;
                } catch (MarketplaceException e) {
                    sink.awaitAcksQuietly();
                    cursors.putAll(sink.takeCheckpoint());
                    LOG.infof("cycle %s step %s failed: %s (%s)", request.syncId(), step.name(), e.code(), e.getMessage());
                    failures.add(stepError(step, e));
                    retryAfter = e.code() == ErrorCode.RATE_LIMITED ? e.retryAfter().orElse(retryAfter) : retryAfter;
                    endedBy = ENDS_CYCLE.contains(e.code()) ? e : null;
                } catch (Exception e) {
                    sink.awaitAcksQuietly();
                    cursors.putAll(sink.takeCheckpoint());
                    LOG.errorf(e, "cycle %s step %s failed unexpectedly", request.syncId(), step.name());
                    failures.add(stepError(step, internal(e)));
                }
            }
        } catch (MarketplaceException e) {
            failures.add(e.toSyncError());
        } catch (RuntimeException e) {
            LOG.errorf(e, "cycle %s could not start", request.syncId());
            failures.add(internal(e).toSyncError());
        }
        cursors.values().removeIf(java.util.Objects::isNull);
        SyncOutcome outcome = failures.isEmpty() ? SyncOutcome.SUCCESS
                : succeeded > 0 ? SyncOutcome.PARTIAL : SyncOutcome.FAILED;
        Instant finishedAt = clock.instant();
        SyncError error = failures.isEmpty() ? null : failures.getFirst();
        Instant rateLimitedUntil = failures.stream().anyMatch(f -> f.code() == ErrorCode.RATE_LIMITED)
                ? finishedAt.plus(retryAfter != null ? retryAfter : DEFAULT_RATE_LIMIT_PAUSE)
                : null;
        SyncCompleted completed = new SyncCompleted(request.syncId(), request.connectionId(), request.tenantId(),
                request.marketplace(), request.trigger(), request.attempt(), outcome, startedAt, finishedAt,
                sink.counts(), Map.copyOf(cursors), error, rateLimitedUntil);
        sink.awaitProgress();
        await(publisher.publish(Topics.SYNC_EVENTS, completed));
        metrics.cycleCompleted(request.marketplace(), outcome, Duration.between(startedAt, finishedAt));
        LOG.infof("cycle %s of connection %s: %s, %s", request.syncId(), request.connectionId(), outcome, sink.counts());
        return completed;
    }

    private static SyncError stepError(SyncStep step, MarketplaceException e) {
        SyncError error = e.toSyncError();
        return SyncError.of(error.code(), step.name() + ": " + error.message(), error.httpStatus(), error.rawResponse(),
                error.requestId());
    }

    /** Our own failure; the message names the exception type only, since a library's message could quote input. */
    private static MarketplaceException internal(Exception e) {
        return new MarketplaceException(ErrorCode.INTERNAL, "unexpected " + e.getClass().getSimpleName()
                + " while processing the cycle", null, null, null, null, e);
    }

    private void await(CompletableFuture<?> acked) {
        try {
            acked.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a sync event", e);
        }
    }
}

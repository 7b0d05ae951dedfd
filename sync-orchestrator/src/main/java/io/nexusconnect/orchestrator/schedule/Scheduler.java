package io.nexusconnect.orchestrator.schedule;

import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.status.StatusError;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncError;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncProgress;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncStarted;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.orchestrator.state.CycleOutcome;
import io.nexusconnect.orchestrator.state.LastCycle;
import io.nexusconnect.orchestrator.state.PendingCycle;
import io.nexusconnect.orchestrator.state.RunningCycle;
import io.nexusconnect.orchestrator.state.SyncState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The schedule of one connection as pure state transitions: every method takes the current {@link SyncState} and the
 * time, and returns the next state. No Kafka, no clock of its own, so every rule is testable with plain values.
 *
 * <p>Rules: an active connection runs a cycle one interval after the previous one was requested; a new one at once
 * (full, with the order lookback); paused or removed ones never. At most one cycle runs per connection: a Sync Now
 * that arrives meanwhile waits and runs right after it. Nothing starts before a throttled connection's
 * {@code rateLimitedUntil}. Scheduled cycles and retries only start inside the connection's sync window; the
 * interval, retry attempts, backoff and health window come from the tenant policy in the snapshot.
 */
public final class Scheduler {
    private final SchedulePolicy policy;
    private final RetryPolicy retries;

    public Scheduler(SchedulePolicy policy, RetryPolicy retries) {
        this.policy = policy;
        this.retries = retries;
    }

    public SchedulePolicy policy() {
        return policy;
    }

    /** A new or changed snapshot from {@code nexus.connections.v1}; an older version than the one held is ignored. */
    public SyncState onSnapshot(SyncState current, ConnectionSnapshot snapshot, Instant now) {
        boolean active = snapshot.state() == ConnectionState.ACTIVE;
        if (current == null) {
            return SyncState.first(snapshot, active ? now : null);
        }
        if (snapshot.version() < current.connection().version() || snapshot.equals(current.connection())) {
            return current;
        }
        if (!active) {
            return current.withConnection(snapshot, null, null);
        }
        Duration interval = policy.intervalOf(snapshot);
        Instant next;
        if (current.lastRequestedAt() == null) {
            next = now;
        } else if (current.isActive()) {
            next = current.lastRequestedAt().plus(interval);
        } else {
            next = latest(now, current.lastRequestedAt().plus(interval));
        }
        return current.withConnection(snapshot, next, current.pending());
    }

    /** Sync Now: runs at once, or right after the running cycle; a redelivered command does nothing. */
    public SyncState onSyncNow(SyncState current, SyncNowRequested command, Instant now) {
        if (!current.isActive() || current.handledCommand(command.commandId())) {
            return current;
        }
        SyncMode mode = command.mode() == null ? SyncMode.INCREMENTAL : command.mode();
        PendingCycle waiting = current.pending();
        if (waiting != null && !waiting.isRetry() && waiting.mode() == SyncMode.FULL) {
            mode = SyncMode.FULL;
        }
        SyncTrigger trigger = command.trigger() == null ? SyncTrigger.MANUAL : command.trigger();
        // a manual cycle supersedes a waiting retry: it does the same work, with a fresh syncId the user can follow
        return current.withPending(PendingCycle.manual(trigger, mode, now)).withCommand(command.commandId());
    }

    /** An adapter's report; only the running attempt moves the state, late or repeated reports change nothing. */
    public SyncState onEvent(SyncState current, SyncEvent event, Instant now) {
        RunningCycle running = current.running();
        if (running == null) {
            return current;
        }
        return switch (event) {
            case SyncStarted started -> running.isAttempt(started.syncId(), started.attempt())
                    ? current.withRunning(running.started(started.startedAt(), now))
                    : current;
            case SyncProgress progress -> running.syncId().equals(progress.syncId())
                    ? current.withRunning(running.active(now))
                    : current;
            case SyncCompleted completed -> running.isAttempt(completed.syncId(), completed.attempt())
                    ? complete(current, running, completed, now)
                    : current;
        };
    }

    /** Declares the running cycle dead when nothing was heard of it for the cycle timeout. */
    public SyncState expire(SyncState current, Instant now) {
        RunningCycle running = current.running();
        if (running == null || now.isBefore(running.lastActivityAt().plus(policy.cycleTimeout()))) {
            return current;
        }
        String message = "No SyncCompleted for sync " + running.syncId() + " (attempt " + running.attempt() + ") within "
                + readable(policy.cycleTimeout()) + " of its last sign of life; the cycle is considered dead";
        LastCycle dead = new LastCycle(running.syncId(), running.attempt(), SyncOutcome.FAILED, now,
                StatusError.of(ErrorCode.TIMEOUT, message), null);
        SyncState ended = current.ended(current.cursors(), dead, window(current, dead, ErrorCode.TIMEOUT));
        return withRetry(ended, running, ErrorCode.TIMEOUT, null, now);
    }

    /** The cycle to start now, if any: a waiting Sync Now or retry first, else the regular schedule. */
    public Optional<Launch> launch(SyncState current, Instant now) {
        if (!current.isActive() || current.isRunning()) {
            return Optional.empty();
        }
        Instant due = dueAt(current);
        // overdue but the window has closed since (e.g. the replica was down): wait for the next opening
        if (due == null || now.isBefore(due) || now.isBefore(windowed(current, now))) {
            return Optional.empty();
        }
        PendingCycle pending = current.pending();
        if (pending != null) {
            UUID syncId = pending.syncId() != null ? pending.syncId() : UUID.randomUUID();
            return Optional.of(start(current, syncId, pending.attempt(), pending.trigger(), pending.mode(), now));
        }
        SyncMode mode = current.cursors().isEmpty() ? SyncMode.FULL : SyncMode.INCREMENTAL;
        return Optional.of(start(current, UUID.randomUUID(), 1, SyncTrigger.SCHEDULE, mode, now));
    }

    /** When the next cycle starts if nothing changes (a running cycle only delays it); null when none is scheduled. */
    public Instant dueAt(SyncState state) {
        if (!state.isActive()) {
            return null;
        }
        Instant planned = state.pending() != null ? state.pending().notBefore() : state.nextSyncAt();
        if (planned == null) {
            return null;
        }
        Instant throttledUntil = state.last() == null ? null : state.last().rateLimitedUntil();
        return windowed(state, throttledUntil == null ? planned : latest(planned, throttledUntil));
    }

    /**
     * After a restart or a rebalance, schedules that fell due while nobody owned them would all fire in the first tick.
     * Each is moved to a point in the next {@code min(catchUpSpread, interval)} that depends only on its connection id,
     * so the catch-up is spread evenly and a repeated load picks the same point.
     */
    public SyncState catchUp(SyncState state, Instant now) {
        if (!state.isActive() || state.isRunning() || state.pending() != null || state.nextSyncAt() == null
                || state.nextSyncAt().isAfter(now)) {
            return state;
        }
        Duration interval = policy.intervalOf(state.connection());
        Duration spread = interval.compareTo(policy.catchUpSpread()) < 0 ? interval : policy.catchUpSpread();
        long offsetMillis = (long) (spread.toMillis() * jitterFraction(state.connectionId()));
        return state.withNextSync(now.plusMillis(offsetMillis));
    }

    /** A stable, evenly spread number in [0, 1) per connection. */
    static double jitterFraction(UUID connectionId) {
        long mixed = connectionId.getMostSignificantBits() * 0x9E3779B97F4A7C15L ^ connectionId.getLeastSignificantBits();
        mixed ^= mixed >>> 31;
        mixed *= 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 29;
        return (mixed >>> 11) * 0x1.0p-53;
    }

    /** Scheduled cycles and retries wait for the sync window; a seller's Sync Now or reconnect does not. */
    private Instant windowed(SyncState state, Instant at) {
        if (state.pending() != null && state.pending().bypassesWindow()) {
            return at;
        }
        return SyncWindows.nextOpen(SchedulePolicy.windowOf(state.connection()), at);
    }

    private Launch start(SyncState current, UUID syncId, int attempt, SyncTrigger trigger, SyncMode mode, Instant now) {
        ConnectionSnapshot connection = current.connection();
        Map<String, String> cursors = mode == SyncMode.FULL ? Map.of() : current.cursors();
        SyncRequested request = new SyncRequested(syncId, connection.connectionId(), connection.tenantId(),
                connection.marketplace(), policy.scopes(), mode, cursors, policy.lookbackOf(connection), trigger, attempt, now,
                connection);
        RunningCycle running = new RunningCycle(syncId, attempt, trigger, mode, now, null, now);
        return new Launch(request, current.launched(running, now.plus(policy.intervalOf(connection))));
    }

    private SyncState complete(SyncState current, RunningCycle running, SyncCompleted completed, Instant now) {
        SyncError error = completed.error();
        SyncOutcome outcome = completed.outcome();
        ErrorCode code = error != null && error.code() != null ? error.code()
                : outcome == SyncOutcome.FAILED ? ErrorCode.INTERNAL : null;
        StatusError statusError = code == null ? null
                : StatusError.of(code, error != null && error.message() != null ? error.message() : "the cycle failed without a reason");
        Instant finishedAt = completed.finishedAt() != null ? completed.finishedAt() : now;
        LastCycle last = new LastCycle(completed.syncId(), completed.attempt(), outcome, finishedAt, statusError,
                completed.rateLimitedUntil());
        // the adapter returns the cursors it reached; a scope that failed is absent or unchanged, so merging never skips
        Map<String, String> cursors = new HashMap<>(current.cursors());
        if (completed.cursors() != null) {
            completed.cursors().forEach((scope, cursor) -> {
                if (cursor != null) {
                    cursors.put(scope, cursor);
                }
            });
        }
        SyncState ended = current.ended(cursors, last, window(current, last, outcome == SyncOutcome.SUCCESS ? null : code));
        return outcome == SyncOutcome.FAILED ? withRetry(ended, running, code, completed.rateLimitedUntil(), now) : ended;
    }

    private SyncState withRetry(SyncState ended, RunningCycle failed, ErrorCode code, Instant rateLimitedUntil, Instant now) {
        if (!ended.isActive() || ended.pending() != null) {
            return ended;
        }
        return retries.afterFailure(ended.connection(), failed, code, rateLimitedUntil, now).map(ended::withPending)
                .orElse(ended);
    }

    private List<CycleOutcome> window(SyncState current, LastCycle last, ErrorCode code) {
        List<CycleOutcome> outcomes = new ArrayList<>(current.recent());
        outcomes.add(new CycleOutcome(last.syncId(), last.attempt(), last.outcome(), code, last.finishedAt()));
        int size = policy.healthWindowOf(current.connection());
        return outcomes.subList(Math.max(0, outcomes.size() - size), outcomes.size());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String readable(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}

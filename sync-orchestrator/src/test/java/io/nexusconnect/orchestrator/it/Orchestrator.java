package io.nexusconnect.orchestrator.it;

import io.nexusconnect.orchestrator.kafka.OrchestratorRuntime;
import io.nexusconnect.orchestrator.kafka.ShardMember;
import io.nexusconnect.orchestrator.state.SyncState;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Waits on the orchestrator under test without sleeping: readiness, ticks, what its shard holds. */
final class Orchestrator {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private Orchestrator() {
    }

    static ShardMember ready(OrchestratorRuntime runtime) {
        await().atMost(WAIT).until(() -> runtime.member() != null && runtime.member().isReady());
        return runtime.member();
    }

    /** Returns once a tick that saw the clock at its current time (or later) has committed everything it caused. */
    static void tickedAt(ShardMember member, TestClock clock) {
        Instant target = clock.instant();
        await().atMost(WAIT).until(() -> member.lastTickAt() != null && !member.lastTickAt().isBefore(target));
    }

    static SyncState known(ShardMember member, UUID connectionId) {
        await().atMost(WAIT).until(() -> member.engine().find(connectionId).isPresent());
        return member.engine().find(connectionId).orElseThrow().state();
    }

    static Optional<SyncState> state(ShardMember member, UUID connectionId) {
        return member.engine().find(connectionId).map(owned -> owned.state());
    }
}

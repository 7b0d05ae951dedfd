package io.nexusconnect.orchestrator.state;

import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.orchestrator.Fixtures;
import io.nexusconnect.orchestrator.schedule.Launch;
import io.nexusconnect.orchestrator.schedule.RetryPolicy;
import io.nexusconnect.orchestrator.schedule.SchedulePolicy;
import io.nexusconnect.orchestrator.schedule.Scheduler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncStateCodecTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    @DisplayName("A state with a running cycle, a queued Sync Now, cursors and outcomes reads back equal from its JSON")
    void roundTrip() {
        UUID id = UUID.randomUUID();
        Scheduler scheduler = new Scheduler(SchedulePolicy.defaults(), RetryPolicy.defaults());
        Launch first = scheduler.launch(scheduler.onSnapshot(null,
                Fixtures.snapshot(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1), T0), T0).orElseThrow();
        SyncState done = scheduler.onEvent(first.state(), Fixtures.succeeded(first.request(), Fixtures.CURSORS, T0), T0);
        Launch second = scheduler.launch(done, T0.plusSeconds(3600)).orElseThrow();
        SyncState state = scheduler.onSyncNow(second.state(), Fixtures.syncNow(id, T0), T0.plusSeconds(3601));

        SyncState read = SyncStateCodec.decode(id.toString(), SyncStateCodec.encode(state));

        assertThat(read).isEqualTo(state);
    }

    @Test
    @DisplayName("State stored under another connection's key, or not JSON, is rejected with a reason")
    void rejectsForeignOrBrokenState() {
        UUID id = UUID.randomUUID();
        byte[] json = SyncStateCodec.encode(SyncState.first(Fixtures.snapshot(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1), T0));

        assertThatThrownBy(() -> SyncStateCodec.decode(UUID.randomUUID().toString(), json))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("stored under key");
        assertThatThrownBy(() -> SyncStateCodec.decode(id.toString(), "{oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }
}

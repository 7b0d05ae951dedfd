package io.nexusconnect.orchestrator.it;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.orchestrator.Fixtures;
import io.nexusconnect.orchestrator.kafka.KafkaClients;
import io.nexusconnect.orchestrator.kafka.OrchestratorRuntime;
import io.nexusconnect.orchestrator.kafka.ShardMember;
import io.nexusconnect.orchestrator.state.SyncState;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class ShardingAndReloadTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    TestClock clock;
    @Inject
    OrchestratorRuntime runtime;
    @Inject
    KafkaClients clients;

    @Test
    @DisplayName("Restarting the scheduling component loses nothing: it reloads the state topic and the next request carries the cursors")
    void stateSurvivesRestart() {
        ShardMember member = Orchestrator.ready(runtime);
        UUID id = UUID.randomUUID();
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1));
        SyncRequested first = Kafka.requests(id, 1).getFirst();
        Kafka.publish(Topics.SYNC_EVENTS, Fixtures.succeeded(first, Fixtures.CURSORS, clock.instant()));
        Kafka.status(id, s -> s.status() == ConnectionStatus.ACTIVE);

        runtime.stop();
        assertThat(member.engine().size()).as("memory is gone").isZero();
        runtime.start();
        ShardMember restarted = Orchestrator.ready(runtime);

        SyncState reloaded = Orchestrator.known(restarted, id);
        assertThat(reloaded.cursors()).isEqualTo(Fixtures.CURSORS);
        assertThat(reloaded.last().syncId()).isEqualTo(first.syncId());
        Orchestrator.tickedAt(restarted, clock);
        assertThat(Kafka.requests(id, 1)).as("not mistaken for a new connection").hasSize(1);

        clock.advanceTo(first.requestedAt().plus(Duration.ofHours(1)));
        SyncRequested next = Kafka.requests(id, 2).get(1);
        assertThat(next.mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(next.trigger()).isEqualTo(SyncTrigger.SCHEDULE);
        assertThat(next.cursors()).isEqualTo(Fixtures.CURSORS);
    }

    @Test
    @DisplayName("A second replica takes half of the partitions with their state; each connection is scheduled by exactly one; when it leaves, the first takes them back")
    void replicasSplitThePartitions() {
        ShardMember first = Orchestrator.ready(runtime);
        Map<UUID, Map<String, String>> cursors = new HashMap<>();
        List<SyncRequested> firstRequests = new ArrayList<>();
        for (int partition = 0; partition < Topics.DEFAULT_PARTITIONS; partition++) {
            UUID id = Kafka.connectionOnPartition(partition);
            cursors.put(id, Map.of("orders.lastUpdatedAfter", "2026-03-0" + (partition + 1) + "T00:00:00Z"));
            Kafka.publish(Topics.CONNECTIONS, Kafka.connection(id, ConnectionState.ACTIVE, SyncInterval.DAILY, 1));
        }
        for (UUID id : cursors.keySet()) {
            SyncRequested request = Kafka.requests(id, 1).getFirst();
            firstRequests.add(request);
            Kafka.publish(Topics.SYNC_EVENTS, Fixtures.succeeded(request, cursors.get(id), clock.instant()));
        }
        cursors.keySet().forEach(id -> Kafka.status(id, s -> s.status() == ConnectionStatus.ACTIVE));

        ShardMember second = runtime.newMember("replica-2");
        second.start();
        try {
            await().atMost(WAIT).until(() -> first.isReady() && second.isReady()
                    && first.partitions().size() == 3 && second.partitions().size() == 3);
            Set<Integer> all = new HashSet<>(first.partitions());
            all.addAll(second.partitions());
            assertThat(all).hasSize(Topics.DEFAULT_PARTITIONS);
            for (UUID id : cursors.keySet()) {
                ShardMember owner = second.partitions().contains(Kafka.partitionOf(id)) ? second : first;
                ShardMember other = owner == first ? second : first;
                assertThat(Orchestrator.state(owner, id)).as("owner holds %s", id).isPresent()
                        .get().extracting(SyncState::cursors).isEqualTo(cursors.get(id));
                assertThat(Orchestrator.state(other, id)).isEmpty();
            }

            Instant latest = firstRequests.stream().map(SyncRequested::requestedAt).max(Instant::compareTo).orElseThrow();
            clock.advanceTo(latest.plus(Duration.ofDays(1)));
            for (UUID id : cursors.keySet()) {
                SyncRequested next = Kafka.requests(id, 2).get(1);
                assertThat(next.cursors()).isEqualTo(cursors.get(id));
                assertThat(next.mode()).isEqualTo(SyncMode.INCREMENTAL);
            }
            Orchestrator.tickedAt(first, clock);
            Orchestrator.tickedAt(second, clock);
            cursors.keySet().forEach(id -> assertThat(Kafka.requests(id, 2)).as("one scheduler per connection").hasSize(2));
        } finally {
            second.stop();
        }

        await().atMost(WAIT).until(() -> first.isReady() && first.partitions().size() == Topics.DEFAULT_PARTITIONS);
        for (UUID id : cursors.keySet()) {
            SyncState state = Orchestrator.state(first, id).orElseThrow();
            assertThat(state.cursors()).isEqualTo(cursors.get(id));
            assertThat(state.running()).as("the cycle the other replica requested is still awaited").isNotNull();
        }
    }

    @Test
    @DisplayName("What happened while no replica ran is applied on reload: a new connection is synced, a removed one dropped, unreadable state dead-lettered")
    void changesWhileStoppedAreApplied() {
        Orchestrator.ready(runtime);
        UUID removed = UUID.randomUUID();
        UUID corrupted = UUID.randomUUID();
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(removed, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1));
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(corrupted, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1));
        Kafka.requests(removed, 1);
        Kafka.requests(corrupted, 1);
        Kafka.status(corrupted, s -> s.status() == ConnectionStatus.PENDING);

        runtime.stop();
        UUID added = UUID.randomUUID();
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(added, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1));
        Kafka.remove(removed);
        KafkaTestClient.send(Topics.SYNC_STATE, corrupted.toString(), "{\"connectionId\": 42", null);
        runtime.start();
        ShardMember restarted = Orchestrator.ready(runtime);

        assertThat(Kafka.requests(added, 1)).hasSize(1);
        assertThat(Orchestrator.state(restarted, removed)).isEmpty();
        assertThat(Kafka.stateRecords(removed).getLast().value()).as("state tombstone").isNull();
        var deadLetter = Kafka.deadLetter(Topics.SYNC_STATE, corrupted.toString()).orElseThrow();
        assertThat(KafkaTestClient.header(deadLetter, "dlq.reason")).contains("SyncState");
        assertThat(Orchestrator.known(restarted, corrupted).connection().connectionId())
                .as("rebuilt from its snapshot").isEqualTo(corrupted);

        runtime.stop();
        runtime.start();
        ShardMember again = Orchestrator.ready(runtime);
        Orchestrator.tickedAt(again, clock);
        assertThat(Orchestrator.state(again, removed)).as("its old snapshot does not bring it back").isEmpty();
        assertThat(Kafka.requests(removed, 1)).hasSize(1);
        assertThat(Kafka.requests(added, 1)).hasSize(1);
    }

    @Test
    @DisplayName("A member whose producer was fenced by a newer one with its transactional id re-joins, reloads and carries on: nothing lost, nothing doubled")
    void fencedMemberRecovers() {
        ShardMember member = Orchestrator.ready(runtime);
        UUID id = UUID.randomUUID();
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1));
        SyncRequested first = Kafka.requests(id, 1).getFirst();
        try (var usurper = clients.transactionalProducer(member.transactionalId())) {
            usurper.initTransactions();
        }

        Kafka.publish(Topics.SYNC_EVENTS, Fixtures.succeeded(first, Fixtures.CURSORS, clock.instant()));

        Kafka.status(id, s -> s.status() == ConnectionStatus.ACTIVE);
        await().atMost(WAIT).until(() -> member.isReady()
                && Orchestrator.state(member, id).map(state -> state.cursors().equals(Fixtures.CURSORS)).orElse(false));
        Orchestrator.tickedAt(member, clock);
        assertThat(Kafka.requests(id, 1)).hasSize(1);
    }
}

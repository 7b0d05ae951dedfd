package io.nexusconnect.orchestrator.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nexusconnect.orchestrator.config.OrchestratorConfig;
import io.nexusconnect.orchestrator.engine.ShardEngine;
import io.nexusconnect.orchestrator.schedule.Scheduler;
import io.nexusconnect.orchestrator.status.StatusDeriver;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.util.UUID;

/**
 * Runs this replica's member of the {@code sync-orchestrator} group from start-up to shutdown. Scaling out means
 * running more replicas: the group splits the partitions between them.
 */
@ApplicationScoped
public class OrchestratorRuntime {
    private final OrchestratorConfig config;
    private final KafkaClients clients;
    private final Clock clock;
    private final Scheduler scheduler;
    private final StatusDeriver statuses;
    private final OrchestratorMetrics metrics;
    private final String instanceId;
    private volatile ShardMember member;
    private volatile StockMember stock;

    OrchestratorRuntime(OrchestratorConfig config, KafkaClients clients, Clock clock, Scheduler scheduler,
                        StatusDeriver statuses, OrchestratorMetrics metrics, MeterRegistry registry) {
        this.config = config;
        this.clients = clients;
        this.clock = clock;
        this.scheduler = scheduler;
        this.statuses = statuses;
        this.metrics = metrics;
        this.instanceId = config.instanceId().filter(id -> !id.isBlank()).orElseGet(() -> UUID.randomUUID().toString());
        Gauge.builder("nexus.orchestrator.connections.owned", this, runtime -> runtime.owned()).register(registry);
        Gauge.builder("nexus.orchestrator.partitions.owned", this, runtime -> runtime.partitionCount()).register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Joins the group; the member loads its partitions' state before it schedules anything. */
    public synchronized void start() {
        if (member == null) {
            member = newMember("0");
            member.start();
        }
        if (stock == null && config.stockFanOut()) {
            stock = newStockMember("0");
            stock.start();
        }
    }

    /** Leaves the group; the in-memory shard is dropped (Kafka keeps everything needed to continue). */
    public synchronized void stop() {
        if (member != null) {
            member.stop();
            member = null;
        }
        if (stock != null) {
            stock.stop();
            stock = null;
        }
    }

    /** This replica's stock fan-out member; null while stopped or disabled. */
    public StockMember stock() {
        return stock;
    }

    /** Another, not yet started stock fan-out member, as a second replica would run it. */
    public StockMember newStockMember(String name) {
        String clientId = config.stockGroupId() + "-" + instanceId + "-" + name;
        return new StockMember(clientId, config.stockGroupId(), clients, clock, config.source(), metrics);
    }

    /** This replica's member; null while stopped. */
    public ShardMember member() {
        return member;
    }

    /**
     * Another, not yet started member of the same group with its own engine and transactional id, as a second replica
     * would run it.
     */
    public ShardMember newMember(String name) {
        String clientId = config.groupId() + "-" + instanceId + "-" + name;
        return new ShardMember(clientId, clientId, clients, clock, config.tick(), config.loadTimeout(), config.source(),
                new ShardEngine(scheduler, statuses), metrics);
    }

    private double owned() {
        ShardMember current = member;
        return current == null ? 0 : current.engine().size();
    }

    private double partitionCount() {
        ShardMember current = member;
        return current == null ? 0 : current.partitions().size();
    }
}

package io.nexusconnect.orchestrator.health;

import io.nexusconnect.orchestrator.config.OrchestratorConfig;
import io.nexusconnect.orchestrator.kafka.OrchestratorRuntime;
import io.nexusconnect.orchestrator.kafka.ShardMember;
import io.nexusconnect.orchestrator.kafka.StockMember;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.util.TreeSet;

/**
 * {@code /q/health/live}: the scheduling loop runs. {@code /q/health/ready}: it joined the group and loaded its shard,
 * and the stock fan-out (when enabled) joined its group with its SKU state loaded.
 */
public final class OrchestratorHealth {
    private OrchestratorHealth() {
    }

    @Liveness
    @ApplicationScoped
    public static class Loop implements HealthCheck {
        private final OrchestratorRuntime runtime;

        Loop(OrchestratorRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public HealthCheckResponse call() {
            ShardMember member = runtime.member();
            return HealthCheckResponse.named("orchestrator-loop").status(member != null && member.isAlive()).build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Shard implements HealthCheck {
        private final OrchestratorRuntime runtime;

        Shard(OrchestratorRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public HealthCheckResponse call() {
            ShardMember member = runtime.member();
            HealthCheckResponseBuilder response = HealthCheckResponse.named("orchestrator-shard")
                    .status(member != null && member.isReady());
            if (member != null) {
                response.withData("partitions", new TreeSet<>(member.partitions()).toString())
                        .withData("connections", member.engine().size());
            }
            return response.build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class StockFanOut implements HealthCheck {
        private final OrchestratorRuntime runtime;
        private final boolean enabled;

        StockFanOut(OrchestratorRuntime runtime, OrchestratorConfig config) {
            this.runtime = runtime;
            this.enabled = config.stockFanOut();
        }

        @Override
        public HealthCheckResponse call() {
            StockMember member = runtime.stock();
            HealthCheckResponseBuilder response = HealthCheckResponse.named("orchestrator-stock-fan-out")
                    .status(!enabled || member != null && member.isReady())
                    .withData("enabled", enabled);
            if (member != null) {
                response.withData("partitions", new TreeSet<>(member.partitions()).toString());
            }
            return response.build();
        }
    }
}

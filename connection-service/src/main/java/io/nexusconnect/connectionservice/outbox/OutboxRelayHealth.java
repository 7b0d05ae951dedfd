package io.nexusconnect.connectionservice.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the relay streams: from then on every committed outbox row reaches Kafka (the replication slot holds
 * what is written while the relay is down).
 */
@Readiness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {
    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-relay")
                .status(relay.ready())
                .withData("embedded", relay.enabled())
                .build();
    }
}

package io.nexusconnect.kaufland.health;

import io.nexusconnect.adapterkit.runtime.AdapterRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the sync-request and connection-test consumers run. */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {
    private final AdapterRuntime runtime;

    ConsumersReadiness(AdapterRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-consumers").status(runtime.healthy()).build();
    }
}

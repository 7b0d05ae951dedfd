package io.nexusconnect.adapterkit.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while every consumer the adapter started (sync requests, connection tests, stock commands, webhooks) runs. */
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

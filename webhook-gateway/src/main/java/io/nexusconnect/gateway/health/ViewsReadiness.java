package io.nexusconnect.gateway.health;

import io.nexusconnect.gateway.config.GatewayRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN until the connection view (and the dedupe view) have caught up with their topics: before that a delivery for
 * a connection created a minute ago would be answered 404, and the marketplace might give up on the endpoint.
 */
@Readiness
@ApplicationScoped
public class ViewsReadiness implements HealthCheck {
    private final GatewayRuntime runtime;

    public ViewsReadiness(GatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("local views")
                .status(runtime.ready())
                .withData("connections", runtime.connections().size())
                .withData("catching up", String.join(",", runtime.lagging()))
                .build();
    }
}

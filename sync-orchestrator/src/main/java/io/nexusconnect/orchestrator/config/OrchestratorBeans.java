package io.nexusconnect.orchestrator.config;

import io.nexusconnect.orchestrator.schedule.RetryPolicy;
import io.nexusconnect.orchestrator.schedule.SchedulePolicy;
import io.nexusconnect.orchestrator.schedule.Scheduler;
import io.nexusconnect.orchestrator.status.StatusDeriver;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The pure scheduling and status logic, built from configuration; the clock is replaceable (tests drive it). */
@ApplicationScoped
public class OrchestratorBeans {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Scheduler scheduler(OrchestratorConfig config) {
        SchedulePolicy policy = new SchedulePolicy(config.defaultInterval(), config.intervalOverride(),
                config.cycleTimeout(), config.healthWindow(), config.scopes(), config.catchUpSpread());
        return new Scheduler(policy, new RetryPolicy(config.maxAttempts(), config.rateLimitWait()));
    }

    @Produces
    @Singleton
    StatusDeriver statusDeriver(OrchestratorConfig config) {
        return new StatusDeriver(config.unhealthyAfter());
    }
}

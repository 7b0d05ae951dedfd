package io.nexusconnect.connectionservice.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the rotation sweep on every replica every {@code nexus.webhooks.rotation.check-interval}; the sweep's row locks
 * keep replicas from doing the same work twice. Nothing is decided here ({@link SecretRotations}).
 */
@ApplicationScoped
public class SecretRotationScheduler {
    private static final Logger LOG = Logger.getLogger(SecretRotationScheduler.class);

    @Inject
    SecretRotations rotations;
    @ConfigProperty(name = "nexus.webhooks.rotation.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "nexus.webhooks.rotation.check-interval", defaultValue = "5m")
    Duration interval;

    private ScheduledExecutorService runner;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        runner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-secret-rotation");
            thread.setDaemon(true);
            return thread;
        });
        runner.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            int changed = rotations.runDue().await().atMost(interval);
            if (changed > 0) {
                LOG.infof("webhook secrets: %d connection(s) rotated or ended their overlap", changed);
            }
        } catch (RuntimeException e) {
            // by type only: nothing of a secret may reach the log; the next sweep takes what is still due
            LOG.warnf("webhook secret sweep failed with %s; the next one retries", e.getClass().getName());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (runner != null) {
            runner.shutdownNow();
        }
    }
}

package io.nexusconnect.connectionservice.index;

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
import java.util.function.ToIntFunction;

/**
 * Runs the two sweeps that tombstone keys on the state topics, on every replica: removed connections
 * ({@link ConnectionPurges}, every {@code nexus.connections.purge.check-interval}) and removed listings
 * ({@link ListingSweeps}, every {@code nexus.listings.removal-sweep.check-interval}). Row locks keep replicas from
 * doing the same work twice; work interrupted by a crash is rows, continued by the next run.
 */
@ApplicationScoped
public class IndexSweepScheduler {
    private static final Logger LOG = Logger.getLogger(IndexSweepScheduler.class);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(1);

    @Inject
    ConnectionPurges purges;
    @Inject
    ListingSweeps listings;
    @ConfigProperty(name = "nexus.connections.purge.enabled", defaultValue = "true")
    boolean purgeEnabled;
    @ConfigProperty(name = "nexus.connections.purge.check-interval", defaultValue = "30s")
    Duration purgeInterval;
    @ConfigProperty(name = "nexus.listings.removal-sweep.enabled", defaultValue = "true")
    boolean listingsEnabled;
    @ConfigProperty(name = "nexus.listings.removal-sweep.check-interval", defaultValue = "30s")
    Duration listingsInterval;

    private ScheduledExecutorService runner;

    void start(@Observes StartupEvent event) {
        runner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "state-topic-sweeps");
            thread.setDaemon(true);
            return thread;
        });
        if (purgeEnabled) {
            schedule("removed connections", purgeInterval, purges::runDue);
        }
        if (listingsEnabled) {
            schedule("removed listings", listingsInterval, listings::runDue);
        }
    }

    private void schedule(String what, Duration interval, ToIntFunction<Duration> sweep) {
        runner.scheduleWithFixedDelay(() -> {
            try {
                int tombstones = sweep.applyAsInt(STEP_TIMEOUT);
                if (tombstones > 0) {
                    LOG.infof("%s: %d key(s) tombstoned on the state topics", what, tombstones);
                }
            } catch (RuntimeException e) {
                LOG.warnf("sweep of %s failed (%s: %s); the next one continues", what, e.getClass().getSimpleName(),
                        e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (runner != null) {
            runner.shutdownNow();
        }
    }
}

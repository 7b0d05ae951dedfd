package io.nexusconnect.connectionservice.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** The embedded outbox relay; off in Kubernetes, where Kafka Connect runs the same connector and transforms. */
@ConfigMapping(prefix = "nexus.outbox")
public interface OutboxRelayConfig {
    Relay relay();

    /** Where the engine keeps its offsets file ({@code NEXUS_OUTBOX_OFFSET_DIR}). */
    @WithName("offset-dir")
    @WithDefault("target/outbox")
    String offsetDir();

    @WithName("slot-name")
    @WithDefault("nexus_outbox")
    String slotName();

    /** Created by the Flyway migration, for the outbox table's inserts only. */
    @WithName("publication-name")
    @WithDefault("nexus_outbox")
    String publicationName();

    /** {@code ce_source} of relayed records. */
    @WithDefault("/nexus/connection-service")
    String source();

    @WithName("restart-delay")
    @WithDefault("5s")
    Duration restartDelay();

    interface Relay {
        @WithDefault("true")
        boolean enabled();
    }
}

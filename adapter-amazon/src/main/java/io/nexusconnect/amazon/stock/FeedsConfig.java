package io.nexusconnect.amazon.stock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** When and how stock goes through the Feeds API (BEHAVIOR.md, "Bulk stock: listings feed"). */
@ConfigMapping(prefix = "nexus.amazon.feeds")
public interface FeedsConfig {
    /** A SetStock with more items than this goes as a JSON_LISTINGS_FEED; up to it, one PATCH per SKU. */
    @WithDefault("1000")
    int threshold();

    /** The first wait before getFeed; each further wait doubles up to {@link #maxPollInterval()}. */
    @WithName("poll-interval")
    @WithDefault("PT15S")
    Duration pollInterval();

    @WithName("max-poll-interval")
    @WithDefault("PT1M")
    Duration maxPollInterval();

    /** How long a feed may take before the command is given back to the kit to retry. */
    @WithName("max-wait")
    @WithDefault("PT30M")
    Duration maxWait();
}

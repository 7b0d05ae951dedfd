package io.nexusconnect.bol.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** How the adapter reads and writes bol beyond the HTTP settings of {@code nexus.apis.bol*} (BEHAVIOR.md). */
@ConfigMapping(prefix = "nexus.bol")
public interface BolConfig {
    /** The fulfilment methods read: ALL (FBR and FBB in one listing), or FBR / FBB alone. */
    @WithName("fulfilment-method")
    @WithDefault("ALL")
    String fulfilmentMethod();

    /** Pages read per cycle at most: a guard against a listing that never ends with an empty page. */
    @WithName("max-pages")
    @WithDefault("1000")
    int maxPages();

    ProcessStatus processStatus();

    Offers offers();

    Webhooks webhooks();

    interface Webhooks {
        /** The push resources subscribed (retailer.json {@code SubscriptionRequest.resources}; BEHAVIOR.md). */
        @WithName("resources")
        @WithDefault("ORDER")
        java.util.List<String> resources();
    }

    interface Offers {
        /** How long SetStock trusts a kept offer export to find offer ids by SKU. */
        @WithName("export-max-age")
        @WithDefault("PT15M")
        Duration exportMaxAge();
    }

    interface ProcessStatus {
        /** The pause between two polls of one process status (kept within get-process-status' limit). */
        @WithName("poll-interval")
        @WithDefault("PT1S")
        Duration pollInterval();

        /** How long a write may stay PENDING before the adapter reports it as not confirmed. */
        @WithName("give-up-after")
        @WithDefault("PT2M")
        Duration giveUpAfter();
    }
}

package io.nexusconnect.zalando.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/**
 * How the adapter reads and writes zDirect beyond the HTTP settings of {@code nexus.apis.zalando*}. Values the
 * documentation leaves open or that differ between sandbox and production (BEHAVIOR.md) are settings here.
 */
@ConfigMapping(prefix = "nexus.zalando")
public interface ZalandoConfig {
    Orders orders();

    Stock stock();

    interface Orders {
        /** {@code page_size} of an order list (documented examples use up to 1000; every page carries its items). */
        @WithName("page-size")
        @WithDefault("200")
        int pageSize();

        /** The order statuses taken and exported: zDirect wants orders exported once approved (BEHAVIOR.md). */
        @WithName("statuses")
        @WithDefault("approved")
        String statuses();

        /** A guard against a result set that does not shrink (an export zDirect did not apply): pages per cycle. */
        @WithName("max-pages")
        @WithDefault("500")
        int maxPages();
    }

    interface Stock {
        /** Items per {@code POST /stocks} request (documented maximum: 1000). */
        @WithName("batch-size")
        @WithDefault("1000")
        int batchSize();

        /** Stock updates per minute per merchant (documented: 2000, beside the 60 requests a minute). */
        @WithName("updates-per-minute")
        @WithDefault("2000")
        int updatesPerMinute();

        /** The longest wait for the next minute's update allowance before the command is retried later. */
        @WithName("max-wait")
        @WithDefault("PT70S")
        Duration maxWait();
    }
}

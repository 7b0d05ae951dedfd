package io.nexusconnect.amazon.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/**
 * Amazon's regional hosts and how the steps read. Hosts come only from here, never from a connection, so a connection
 * cannot point the adapter (and its credentials) at another host. Limits, retries and timeouts of the SP-API and of
 * LWA are the kit's API config groups {@code nexus.apis.sp-api.*} and {@code nexus.apis.lwa.*}
 * ({@code application.properties}).
 */
@ConfigMapping(prefix = "nexus.amazon")
public interface AmazonConfig {
    Endpoints endpoints();

    @WithName("sandbox-endpoints")
    SandboxEndpoints sandboxEndpoints();

    Orders orders();

    Listings listings();

    Reports reports();

    interface Endpoints {
        @WithDefault("https://sellingpartnerapi-na.amazon.com")
        String na();

        @WithDefault("https://sellingpartnerapi-eu.amazon.com")
        String eu();

        @WithDefault("https://sellingpartnerapi-fe.amazon.com")
        String fe();
    }

    interface SandboxEndpoints {
        @WithDefault("https://sandbox.sellingpartnerapi-na.amazon.com")
        String na();

        @WithDefault("https://sandbox.sellingpartnerapi-eu.amazon.com")
        String eu();

        @WithDefault("https://sandbox.sellingpartnerapi-fe.amazon.com")
        String fe();
    }

    interface Orders {
        /** getOrders rejects LastUpdatedBefore later than two minutes before now. */
        @WithName("lag-guard")
        @WithDefault("PT2M")
        Duration lagGuard();

        @WithName("page-size")
        @WithDefault("100")
        int pageSize();

        /** A long lookback is read in windows of this length, each a checkpoint for the cursor. */
        @WithName("window-slice")
        @WithDefault("P7D")
        Duration windowSlice();
    }

    /** The orders backfill through order tracking reports (BEHAVIOR.md, "Backfill through the Reports API"). */
    interface Reports {
        /** A first or full sync estimated to need more getOrderItems calls than this reads reports; −1 = never. */
        @WithName("backfill-threshold")
        @WithDefault("1000")
        int backfillThreshold();

        /** The longest dataStartTime–dataEndTime range of one order tracking report. */
        @WithDefault("P30D")
        Duration window();

        /** Between two getReport calls of one report (its documented rate is 2 per second). */
        @WithName("poll-interval")
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /** A report not finished after this fails the step; the next cycle polls the same report again. */
        @WithName("max-wait")
        @WithDefault("PT20M")
        Duration maxWait();

        /** getReportDocument + download attempts per report (a pre-signed URL expires after 5 minutes). */
        @WithName("document-attempts")
        @WithDefault("3")
        int documentAttempts();
    }

    interface Listings {
        @WithName("page-size")
        @WithDefault("20")
        int pageSize();
    }
}

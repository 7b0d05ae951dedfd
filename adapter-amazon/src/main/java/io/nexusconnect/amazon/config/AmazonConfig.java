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

    interface Listings {
        @WithName("page-size")
        @WithDefault("20")
        int pageSize();
    }
}

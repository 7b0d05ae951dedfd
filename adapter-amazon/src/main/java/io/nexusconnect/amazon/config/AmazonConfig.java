package io.nexusconnect.amazon.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/**
 * Where and how fast the adapter talks to Amazon. Hosts come only from here, never from a connection, so a connection
 * cannot point the adapter (and its credentials) at another host.
 */
@ConfigMapping(prefix = "nexus.amazon")
public interface AmazonConfig {
    Lwa lwa();

    Endpoints endpoints();

    @WithName("sandbox-endpoints")
    SandboxEndpoints sandboxEndpoints();

    @WithName("rate-limit")
    RateLimit rateLimit();

    Http http();

    Orders orders();

    Listings listings();

    interface Lwa {
        @WithName("token-url")
        @WithDefault("https://api.amazon.com/auth/o2/token")
        String tokenUrl();
    }

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

    interface RateLimit {
        /** How many times faster than real time Amazon runs: 1 in production, the simulator's factor in tests. */
        @WithName("speed-factor")
        @WithDefault("1")
        double speedFactor();
    }

    interface Http {
        @WithName("max-attempts")
        @WithDefault("5")
        int maxAttempts();

        /** Longest total wait for retries of one call (Retry-After, backoff); beyond it the cycle reports RATE_LIMITED. */
        @WithName("max-retry-wait")
        @WithDefault("PT2M")
        Duration maxRetryWait();

        @WithName("request-timeout")
        @WithDefault("PT30S")
        Duration requestTimeout();
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

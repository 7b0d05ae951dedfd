package io.nexusconnect.sims.shopify.webhooks;

import java.time.Duration;
import java.util.List;

/**
 * How the simulated app's webhooks are signed and retried.
 *
 * @param clientSecret the app's client secret: the HMAC key of every delivery (a connection's {@code apiSecretKey})
 * @param retryDelays  the wait before each retry of a delivery answered non-2xx or not at all; Shopify retries 8 times
 *                     over 4 hours with exponential backoff (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism)
 *                     without publishing the steps, so the default doubles from 1 minute (255 minutes in all)
 * @param timeout      how long a delivery may take: Shopify allows 5 seconds
 *                     (https://shopify.dev/apps/webhooks/https: respond 200 quickly)
 */
public record WebhookSettings(String clientSecret, List<Duration> retryDelays, Duration timeout) {
    /** The demo app's client secret; fake and public. */
    public static final String DEMO_CLIENT_SECRET = "shpss_" + "abcdef0123456789abcdef0123456789";

    public WebhookSettings {
        retryDelays = List.copyOf(retryDelays);
    }

    public static WebhookSettings defaults() {
        return new WebhookSettings(DEMO_CLIENT_SECRET, List.of(Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32),
                Duration.ofMinutes(64), Duration.ofMinutes(128)), Duration.ofSeconds(5));
    }

    public WebhookSettings withClientSecret(String secret) {
        return new WebhookSettings(secret, retryDelays, timeout);
    }

    public WebhookSettings withRetryDelays(List<Duration> delays) {
        return new WebhookSettings(clientSecret, delays, timeout);
    }

    @Override
    public String toString() {
        return "WebhookSettings[clientSecret=***, retries=" + retryDelays.size() + ", timeout=" + timeout + "]";
    }
}

package io.nexusconnect.adapterkit.webhook;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.webhook.WebhookReceived;

import java.time.Clock;
import java.util.Optional;

/**
 * One delivery as a {@link WebhookHandler} gets it: the verified webhook, and the connection it arrived for with its
 * credentials, so a handler can fetch what a thin payload only names — through the same API client, and so the same
 * rate limiter, as the connection's cycles.
 */
public final class WebhookContext {
    private final WebhookReceived delivery;
    private final CredentialOpener opener;
    private final Clock clock;
    private ConnectionCredentials credentials;

    public WebhookContext(WebhookReceived delivery, CredentialOpener opener, Clock clock) {
        this.delivery = delivery;
        this.opener = opener;
        this.clock = clock;
    }

    public WebhookReceived delivery() {
        return delivery;
    }

    /** The connection as the gateway knew it; empty for a delivery published before deliveries carried it. */
    public Optional<ConnectionSnapshot> connection() {
        return Optional.ofNullable(delivery.connection());
    }

    /**
     * The connection's opened credentials; empty when the delivery carries no connection (then ask for a cycle with
     * {@link WebhookSink#requestSync} instead of fetching). Opened once, on first use.
     */
    public Optional<ConnectionCredentials> credentials() {
        if (credentials == null && delivery.connection() != null) {
            credentials = opener.open(delivery.connection());
        }
        return Optional.ofNullable(credentials);
    }

    public Clock clock() {
        return clock;
    }
}

package io.nexusconnect.adapterkit.webhook.registration;

import io.nexusconnect.adapterkit.credentials.Secret;
import io.nexusconnect.contracts.Marketplace;

import java.util.UUID;

/**
 * The addresses webhook-gateway takes a connection's deliveries at: {@code {public-base-url}/api/webhooks/{marketplace}/
 * {connectionId}}, and for marketplaces whose pushes carry no signature nexus can check, that address plus the
 * connection's secret path token. Every address of a connection starts with {@link #url()}, which is how a registrar
 * recognises the marketplace's subscriptions that are nexus' for this connection (and stale ones after a rotation).
 *
 * @param publicBaseUrl the public base the gateway is reached at ({@code nexus.webhooks.public-base-url}), no
 *                      trailing slash; it must equal the gateway's own (eBay hashes it into the challenge answer)
 */
public record WebhookCallback(String publicBaseUrl, Marketplace marketplace, UUID connectionId) {
    private static final String MASK = "****";

    public WebhookCallback {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            throw new IllegalArgumentException("no public base URL for webhook callbacks (nexus.webhooks.public-base-url)");
        }
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The address of signed deliveries, and the prefix of every address of this connection. */
    public String url() {
        return publicBaseUrl + "/api/webhooks/" + marketplace.id() + "/" + connectionId;
    }

    /** The address with the connection's secret path token: what bol and Kaufland are given. */
    public String url(Secret pathToken) {
        return url() + "/" + pathToken.reveal();
    }

    /** Whether the marketplace's subscription points at one of this connection's addresses (any token). */
    public boolean isOurs(String address) {
        return address != null && (address.equals(url()) || address.startsWith(url() + "/"));
    }

    /** An address fit to show and log: a path token after the connection id is masked. */
    public String masked(String address) {
        return isOurs(address) && address.length() > url().length() ? url() + "/" + MASK : address;
    }
}

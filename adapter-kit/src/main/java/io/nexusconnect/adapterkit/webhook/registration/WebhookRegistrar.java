package io.nexusconnect.adapterkit.webhook.registration;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;

import java.util.List;

/**
 * The SPI an adapter implements when its marketplace lets nexus register push subscriptions through its API (Shopify
 * {@code webhookSubscriptionCreate}, eBay destination + subscriptions, ...). The kit calls it for every
 * {@code WebhookRegistrationRequested} of the marketplace and publishes the answer on {@code nexus.webhook-endpoints.v1}.
 *
 * <p>Both calls reconcile from what the marketplace reports, never from state of the adapter's own: they may be
 * repeated (a retry, a Reconnect, a rotation) and must end in the same place. Throw a classified
 * {@code MarketplaceException}: a transient one is retried in order, a permanent one is answered as {@code failed} with
 * its code, so the connection's view says why.
 */
public interface WebhookRegistrar {
    Marketplace marketplace();

    /**
     * Makes the marketplace push every topic nexus needs to {@link WebhookCallback#url()} (or its token form) with
     * the current secrets, and removes this connection's subscriptions that point elsewhere (a rotated path token).
     *
     * @return the subscriptions the marketplace has for the connection afterwards, addresses masked
     */
    List<WebhookEndpoints.Endpoint> register(RegistrationContext context) throws Exception;

    /** Removes every subscription of the marketplace that points at one of this connection's addresses. */
    void unregister(RegistrationContext context) throws Exception;
}

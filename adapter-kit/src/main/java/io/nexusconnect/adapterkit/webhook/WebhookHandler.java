package io.nexusconnect.adapterkit.webhook;

import io.nexusconnect.contracts.Marketplace;

/**
 * The SPI an adapter implements to take its marketplace's webhooks from {@code nexus.webhooks.<marketplace>.v1}
 * (verified by webhook-gateway). The kit decodes the delivery, drops a repeated {@code eventId} it has seen
 * recently, and commits the offset only after {@link #handle} returned and every record given to the sink was
 * acknowledged.
 *
 * <p>A payload that carries the data (Shopify {@code orders/create}, Walmart {@code PO_CREATED}) is mapped to
 * normalized records; for a thin one that only names what changed (eBay, bol, Kaufland) the handler fetches the
 * resource with the connection's credentials from {@link WebhookContext#credentials()}, through the adapter's own API
 * client (the cycles' rate limiter), or asks for an incremental cycle with {@link WebhookSink#requestSync}.
 * Throw {@code PoisonRecordException} for a delivery that can never be processed (its body cannot be read): it goes
 * to the DLQ with the reason. A {@code MarketplaceException} that is transient is retried with backoff; others are
 * dead-lettered.
 */
public interface WebhookHandler {
    Marketplace marketplace();

    void handle(WebhookContext context, WebhookSink sink) throws Exception;
}

package io.nexusconnect.gateway.verify;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.gateway.connections.GatewayConnection;
import io.nexusconnect.gateway.request.WebhookRequest;

/** Checks one marketplace's deliveries, in constant time, against the raw body bytes. */
public interface WebhookVerifier {
    Marketplace marketplace();

    Verdict verify(WebhookRequest request, GatewayConnection connection);
}

package io.nexusconnect.gateway.request;

import io.nexusconnect.contracts.Marketplace;

import java.util.UUID;

/**
 * One delivery as it reached the gateway, before anything trusts it.
 *
 * @param pathAndQuery the request path with its query string exactly as received (Walmart signs it)
 * @param pathToken    the secret segment after the connection id in the callback URL, or null
 * @param body         the raw body bytes; every signature is checked against these, never a re-encoding
 */
public record WebhookRequest(
        Marketplace marketplace,
        UUID connectionId,
        String method,
        String pathAndQuery,
        String pathToken,
        RequestHeaders headers,
        String contentType,
        byte[] body) {

    @Override
    public String toString() {
        // no path token, no signature headers, no body: this may end up in a log line
        return "WebhookRequest[" + marketplace.id() + "/" + connectionId + ", " + body.length + " bytes]";
    }
}

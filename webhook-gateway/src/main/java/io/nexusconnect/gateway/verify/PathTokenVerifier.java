package io.nexusconnect.gateway.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.gateway.connections.GatewayConnection;
import io.nexusconnect.gateway.request.WebhookRequest;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * bol.com and Kaufland: the secret token nexus put in the registered callback URL
 * ({@code /api/webhooks/<marketplace>/<connectionId>/<token>}), compared in constant time. Neither push can be
 * verified otherwise today (BEHAVIOR.md says why), so consumers re-fetch the resource the push names.
 */
public final class PathTokenVerifier implements WebhookVerifier {
    public static final String SCHEME = "path-token";
    private final Marketplace marketplace;

    public PathTokenVerifier(Marketplace marketplace) {
        this.marketplace = marketplace;
    }

    @Override
    public Marketplace marketplace() {
        return marketplace;
    }

    @Override
    public Verdict verify(WebhookRequest request, GatewayConnection connection) {
        if (!tokenMatches(request, connection)) {
            return Verdict.unauthentic(request.pathToken() == null ? "no path token" : "path token does not match");
        }
        JsonNode body = BodyJson.parse(request.body());
        return switch (marketplace) {
            case BOL -> bol(body);
            default -> kaufland(body, request);
        };
    }

    /** Whether the request's path token is one of the connection's; also guards Kaufland's subscribe handshake. */
    public boolean tokenMatches(WebhookRequest request, GatewayConnection connection) {
        return request.pathToken() != null && ConstantTime.equalsAny(connection.secrets().keys("webhookToken"),
                request.pathToken().getBytes(StandardCharsets.UTF_8));
    }

    /** bol sends no event id: resource, type, resource id and timestamp together identify a push. */
    private static Verdict bol(JsonNode body) {
        String resource = BodyJson.text(body, "event", "resource");
        String type = BodyJson.text(body, "event", "type");
        String resourceId = BodyJson.text(body, "event", "resourceId");
        String timestamp = BodyJson.text(body, "timestamp");
        String eventId = resource == null || resourceId == null
                ? null : String.join("/", resource, String.valueOf(type), resourceId, String.valueOf(timestamp));
        String topic = resource == null ? null : type == null ? resource : resource + "/" + type;
        return new Verdict.Verified(topic, eventId, Map.of(), SCHEME);
    }

    /** Kaufland documents no event id: a byte-identical retry is the same push, so the body's hash identifies it. */
    private static Verdict kaufland(JsonNode body, WebhookRequest request) {
        String topic = BodyJson.text(body, "event_name");
        return new Verdict.Verified(topic, "sha256:" + Hmac.sha256Hex(request.body()), Map.of(), SCHEME);
    }
}

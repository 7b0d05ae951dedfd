package io.nexusconnect.gateway.api;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.gateway.config.GatewayRuntime;
import io.nexusconnect.gateway.connections.GatewayConnection;
import io.nexusconnect.gateway.intake.IntakeOutcome;
import io.nexusconnect.gateway.request.RequestHeaders;
import io.nexusconnect.gateway.request.WebhookRequest;
import io.nexusconnect.gateway.verify.EbayChallenge;
import io.nexusconnect.gateway.verify.PathTokenVerifier;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/webhooks/{marketplace}/{connectionId}[/{token}]}: the marketplaces' deliveries; and the GET
 * handshakes (eBay's {@code challenge_code}, Kaufland's {@code mode=subscribe&challenge}). Unknown marketplace,
 * unknown or removed connection and a connection of another marketplace all get the same 404.
 */
@Path("/api/webhooks/{marketplace}/{connectionId}")
public class WebhookResource {
    private final GatewayRuntime runtime;

    public WebhookResource(GatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response receive(@PathParam("marketplace") String marketplace, @PathParam("connectionId") String connectionId,
                            @Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return deliver(marketplace, connectionId, null, headers, uri, body);
    }

    @POST
    @Path("/{token}")
    @Consumes(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response receiveWithToken(@PathParam("marketplace") String marketplace, @PathParam("connectionId") String connectionId,
                                     @PathParam("token") String token, @Context HttpHeaders headers, @Context UriInfo uri,
                                     byte[] body) {
        return deliver(marketplace, connectionId, token, headers, uri, body);
    }

    /** eBay's endpoint validation. */
    @GET
    @RunOnVirtualThread
    public Response challenge(@PathParam("marketplace") String marketplace, @PathParam("connectionId") String connectionId,
                              @QueryParam("challenge_code") String challengeCode) {
        Optional<GatewayConnection> connection = connection(marketplace, connectionId)
                .filter(c -> c.marketplace() == Marketplace.EBAY);
        String token = connection.map(c -> c.secrets().get("notificationVerificationToken")).orElse(null);
        if (connection.isEmpty() || token == null || challengeCode == null || challengeCode.isBlank()) {
            return Problems.notFound();
        }
        String endpoint = runtime.config().publicBaseUrl() + "/api/webhooks/ebay/" + connection.get().connectionId();
        return Response.ok(Map.of("challengeResponse", EbayChallenge.response(challengeCode, token, endpoint)))
                .type(MediaType.APPLICATION_JSON).build();
    }

    /** Kaufland's subscribe handshake (documented for v1): echo the challenge, only on the URL with the right token. */
    @GET
    @Path("/{token}")
    @RunOnVirtualThread
    public Response subscribe(@PathParam("marketplace") String marketplace, @PathParam("connectionId") String connectionId,
                              @PathParam("token") String token, @QueryParam("mode") String mode,
                              @QueryParam("challenge") String challenge, @Context UriInfo uri) {
        Optional<GatewayConnection> connection = connection(marketplace, connectionId)
                .filter(c -> c.marketplace() == Marketplace.KAUFLAND);
        if (connection.isEmpty() || !"subscribe".equals(mode) || challenge == null || challenge.length() > 512) {
            return Problems.notFound();
        }
        WebhookRequest probe = new WebhookRequest(Marketplace.KAUFLAND, connection.get().connectionId(), "GET",
                pathAndQuery(uri), token, RequestHeaders.of(Map.of()), null, new byte[0]);
        if (!new PathTokenVerifier(Marketplace.KAUFLAND).tokenMatches(probe, connection.get())) {
            return Problems.of(401, "Unauthorized", "The callback token does not verify.", null);
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN).build();
    }

    private Response deliver(String marketplaceId, String connectionId, String token, HttpHeaders headers, UriInfo uri,
                             byte[] body) {
        Optional<Marketplace> marketplace = Marketplace.find(marketplaceId);
        Optional<UUID> id = uuid(connectionId);
        if (marketplace.isEmpty() || id.isEmpty()) {
            return Problems.notFound();
        }
        int limit = runtime.config().maxBodyBytes();
        if (body.length > limit) {
            return Problems.tooLarge(limit);
        }
        Map<String, String> flat = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> flat.put(name, values.isEmpty() ? null : values.getFirst()));
        WebhookRequest request = new WebhookRequest(marketplace.get(), id.get(), "POST", pathAndQuery(uri), token,
                RequestHeaders.of(flat), headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
        return switch (runtime.intake().receive(request)) {
            case IntakeOutcome.Accepted accepted -> Response.ok(Map.of("status", "accepted",
                    "webhookId", accepted.webhookId().toString(), "paused", accepted.paused()))
                    .type(MediaType.APPLICATION_JSON).build();
            case IntakeOutcome.Duplicate duplicate -> Response.ok(Map.of("status", "duplicate"))
                    .type(MediaType.APPLICATION_JSON).build();
            case IntakeOutcome.Refused refused -> Problems.of(refused.status(), refused.title(), refused.detail(),
                    refused.retryAfter());
        };
    }

    private Optional<GatewayConnection> connection(String marketplaceId, String connectionId) {
        Optional<Marketplace> marketplace = Marketplace.find(marketplaceId);
        Optional<UUID> id = uuid(connectionId);
        if (marketplace.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        return runtime.intake().connectionFor(marketplace.get(), id.get());
    }

    private static String pathAndQuery(UriInfo uri) {
        URI request = uri.getRequestUri();
        return request.getRawPath() + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery());
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

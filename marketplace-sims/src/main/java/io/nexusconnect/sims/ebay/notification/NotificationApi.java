package io.nexusconnect.sims.ebay.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.http.EbayCall;
import io.nexusconnect.sims.ebay.http.EbayErrors;
import io.nexusconnect.sims.ebay.http.EbayException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Notification API v1 ({@code /commerce/notification/v1}, shared/specs/ebay/commerce_notification_v1_oas3.json): topics,
 * destinations (application token; the endpoint must answer eBay's challenge on create and update), subscriptions
 * (application token for APPLICATION topics, the seller's user token for USER topics) and public keys. Errors are the
 * spec's {@code x-response-codes}. Sources and decisions: BEHAVIOR-ebay.md.
 */
public final class NotificationApi {
    public static final String BASE_PATH = "/commerce/notification/v1";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32,80}");
    private static final Set<String> STATUSES = Set.of("ENABLED", "DISABLED");

    private final NotificationState state;
    private final EndpointChallenge challenge;
    private final NotificationSigner signer;

    public NotificationApi(NotificationState state, EndpointChallenge challenge, NotificationSigner signer) {
        this.state = state;
        this.challenge = challenge;
        this.signer = signer;
    }

    // ---- topics and keys

    public SimResponse getTopics(EbayCall call) {
        return page(call, "topics", "/topic", state.topics(), topic -> {
            ObjectNode node = Json.object().put("topicId", topic.topicId()).put("description", topic.description())
                    .put("status", "ENABLED").put("context", topic.context()).put("scope", topic.scope());
            topic.authorizationScopes().forEach(node.putArray("authorizationScopes")::add);
            node.putArray("supportedPayloads").addObject().put("schemaVersion", topic.schemaVersion())
                    .put("deliveryProtocol", "HTTPS").put("deprecated", false).putArray("format").add("JSON");
            return node;
        });
    }

    public SimResponse getPublicKey(EbayCall call) {
        if (!signer.keyId().equals(call.path("public_key_id"))) {
            return EbayErrors.notFound(EbayApi.NOTIFICATION, 195001, "The specified key id is invalid.");
        }
        return SimResponse.json(200, Json.object().put("algorithm", NotificationSigner.ALGORITHM)
                .put("digest", NotificationSigner.DIGEST).put("key", signer.publicKeyPem()));
    }

    // ---- destinations (application token)

    public SimResponse getDestinations(EbayCall call) {
        applicationOnly(call);
        return page(call, "destinations", "/destination", state.destinations(call.clientId()), NotificationApi::json);
    }

    public SimResponse createDestination(EbayCall call) {
        applicationOnly(call);
        DestinationRequest request = DestinationRequest.read(call.bodyJson());
        if (state.withEndpoint(call.clientId(), request.endpoint(), "").isPresent()) {
            throw conflict(195021, "Destination exists for this endpoint");
        }
        checkChallenge(request);
        String id = UUID.randomUUID().toString();
        state.putDestination(new NotificationState.Destination(id, call.clientId(), request.name(), request.status(),
                request.endpoint(), request.verificationToken()));
        return created(call, "/destination/" + id);
    }

    public SimResponse updateDestination(EbayCall call) {
        applicationOnly(call);
        NotificationState.Destination current = destination(call);
        DestinationRequest request = DestinationRequest.read(call.bodyJson());
        if (state.withEndpoint(call.clientId(), request.endpoint(), current.destinationId()).isPresent()) {
            throw conflict(195021, "Destination exists for this endpoint");
        }
        checkChallenge(request);
        state.putDestination(new NotificationState.Destination(current.destinationId(), call.clientId(),
                request.name(), request.status(), request.endpoint(), request.verificationToken()));
        return noContent();
    }

    public SimResponse deleteDestination(EbayCall call) {
        applicationOnly(call);
        NotificationState.Destination current = destination(call);
        if (state.inUse(current.destinationId())) {
            throw conflict(195024, "Destination is in use and cannot be deleted.");
        }
        state.removeDestination(current.destinationId());
        return noContent();
    }

    // ---- subscriptions (application token: application topics; user token: the seller's user topics)

    public SimResponse getSubscriptions(EbayCall call) {
        return page(call, "subscriptions", "/subscription", state.subscriptions(call.clientId(), call.userId()),
                NotificationApi::json);
    }

    public SimResponse createSubscription(EbayCall call) {
        JsonNode body = requireBody(call);
        NotificationState.Topic topic = state.topic(body.path("topicId").asText(""))
                .orElseThrow(() -> badRequest(195027, "Invalid or missing topic id."));
        if (topic.userScoped() == call.applicationToken()) {
            throw new EbayException(EbayErrors.of(403, EbayErrors.error(195011, "API_NOTIFICATION", "REQUEST",
                    "Not authorized for this topic.", null)));
        }
        String status = body.path("status").asText("");
        String schemaVersion = checkedPayload(body.path("payload"), topic);
        NotificationState.Destination destination = state.destination(call.clientId(), body.path("destinationId")
                .asText("")).orElseThrow(() -> badRequest(195007, "Invalid or missing destination id."));
        if (!STATUSES.contains(status)) {
            throw badRequest(195006, "Invalid or missing subscription status.");
        }
        if (state.subscriptions(call.clientId(), call.userId()).stream()
                .anyMatch(s -> s.topicId().equals(topic.topicId()) && s.schemaVersion().equals(schemaVersion))) {
            throw conflict(195012, "Subscription already exists");
        }
        if ("ENABLED".equals(status) && !destination.enabled()) {
            throw conflict(195015, "The subscription cannot be enabled since the destination is not enabled.");
        }
        NotificationState.Subscription created = state.create(call.clientId(), call.userId(), topic.topicId(), status,
                schemaVersion, destination.destinationId(), call.now());
        return created(call, "/subscription/" + created.subscriptionId());
    }

    public SimResponse updateSubscription(EbayCall call) {
        NotificationState.Subscription current = subscription(call);
        JsonNode body = requireBody(call);
        String status = body.path("status").asText("");
        if (!STATUSES.contains(status)) {
            throw badRequest(195006, "Invalid or missing subscription status.");
        }
        NotificationState.Topic topic = state.topic(current.topicId()).orElseThrow();
        String schemaVersion = checkedPayload(body.path("payload"), topic);
        NotificationState.Destination destination = state.destination(call.clientId(), body.path("destinationId")
                .asText("")).orElseThrow(() -> badRequest(195007, "Invalid or missing destination id."));
        if ("ENABLED".equals(status) && !destination.enabled()) {
            throw conflict(195015, "The subscription cannot be enabled since the destination is not enabled.");
        }
        state.update(current, status, destination.destinationId(), schemaVersion);
        return noContent();
    }

    public SimResponse enableSubscription(EbayCall call) {
        NotificationState.Subscription current = subscription(call);
        if (state.destination(call.clientId(), current.destinationId()).map(d -> !d.enabled()).orElse(true)) {
            throw conflict(195015, "The subscription cannot be enabled since the destination is not enabled.");
        }
        state.update(current, "ENABLED", current.destinationId(), current.schemaVersion());
        return noContent();
    }

    public SimResponse deleteSubscription(EbayCall call) {
        state.removeSubscription(subscription(call).subscriptionId());
        return noContent();
    }

    // ---- helpers

    /** The fields of a destination request, validated with the spec's error codes. */
    private record DestinationRequest(String name, String status, String endpoint, String verificationToken) {
        static DestinationRequest read(JsonNode body) {
            if (body == null) {
                throw badRequest(195017, "Invalid or missing endpoint.");
            }
            String name = body.path("name").asText("");
            if (name.length() > 64 || name.contains("<")) {
                throw badRequest(195016, "Invalid name. Markups or lengths greater than 64 not supported");
            }
            String endpoint = body.path("deliveryConfig").path("endpoint").asText("");
            if (!endpoint.startsWith("https://") && !endpoint.startsWith("http://")) {
                throw badRequest(195017, "Invalid or missing endpoint.");
            }
            String status = body.path("status").asText("");
            if (!STATUSES.contains(status)) {
                throw badRequest(195018, "Invalid or missing destination status. Supported values:[ENABLED,DISABLED]");
            }
            String token = body.path("deliveryConfig").path("verificationToken").asText("");
            if (!TOKEN.matcher(token).matches()) {
                throw badRequest(195019, "Invalid or missing verification token for this endpoint.");
            }
            return new DestinationRequest(name, status, endpoint, token);
        }
    }

    private void checkChallenge(DestinationRequest request) {
        if (!challenge.passes(request.endpoint(), request.verificationToken())) {
            throw conflict(195020, "Challenge verification failed for requested endpoint");
        }
    }

    private static String checkedPayload(JsonNode payload, NotificationState.Topic topic) {
        String schemaVersion = payload.path("schemaVersion").asText("");
        if (!schemaVersion.equals(topic.schemaVersion())) {
            throw badRequest(195008, "Invalid or missing schema version. Please refer to /topic/{topic_id} for supported schema versions.");
        }
        if (!"JSON".equals(payload.path("format").asText(""))) {
            throw badRequest(195009, "Specified format is not supported for the topic.");
        }
        if (!"HTTPS".equals(payload.path("deliveryProtocol").asText(""))) {
            throw badRequest(195010, "Invalid or missing protocol");
        }
        return schemaVersion;
    }

    private NotificationState.Destination destination(EbayCall call) {
        return state.destination(call.clientId(), call.path("destination_id")).orElseThrow(() -> new EbayException(
                EbayErrors.notFound(EbayApi.NOTIFICATION, 195022, "Invalid or missing destination id.")));
    }

    private NotificationState.Subscription subscription(EbayCall call) {
        return state.subscription(call.clientId(), call.userId(), call.path("subscription_id")).orElseThrow(() ->
                new EbayException(EbayErrors.notFound(EbayApi.NOTIFICATION, 195013, " Invalid subscription Id.")));
    }

    /** Destinations are the application's: a user token is refused (**Decision**: 403 1100, like a missing scope). */
    private static void applicationOnly(EbayCall call) {
        if (!call.applicationToken()) {
            throw new EbayException(EbayErrors.accessDenied());
        }
    }

    private static JsonNode requireBody(EbayCall call) {
        JsonNode body = call.bodyJson();
        if (body == null || !body.isObject()) {
            throw badRequest(195027, "Invalid or missing topic id.");
        }
        return body;
    }

    /** limit 10–100 (default 20), an opaque continuation_token, {@code next} while more remain. */
    private static <T> SimResponse page(EbayCall call, String field, String path, List<T> all, Function<T, ObjectNode> json) {
        int limit = 20;
        if (call.query("limit") != null) {
            try {
                limit = Integer.parseInt(call.query("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 10 || limit > 100) {
                throw badRequest(195004, "Invalid limit. Supported ranges 10 - 100.");
            }
        }
        int offset = 0;
        String token = call.query("continuation_token");
        if (token != null) {
            try {
                offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw badRequest(195005, "Invalid continuation token.");
            }
        }
        String base = call.baseUrl() + BASE_PATH + path + "?limit=" + limit;
        ObjectNode body = Json.object().put("total", all.size()).put("href", base).put("limit", limit);
        int end = Math.min(all.size(), offset + limit);
        if (end < all.size()) {
            body.put("next", base + "&continuation_token=" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
        }
        ArrayNode items = body.putArray(field);
        all.subList(Math.min(offset, all.size()), end).forEach(item -> items.add(json.apply(item)));
        return SimResponse.json(200, body);
    }

    private static ObjectNode json(NotificationState.Destination d) {
        ObjectNode node = Json.object().put("destinationId", d.destinationId()).put("name", d.name())
                .put("status", d.status());
        node.putObject("deliveryConfig").put("endpoint", d.endpoint()).put("verificationToken", d.verificationToken());
        return node;
    }

    private static ObjectNode json(NotificationState.Subscription s) {
        ObjectNode node = Json.object().put("subscriptionId", s.subscriptionId()).put("topicId", s.topicId())
                .put("status", s.status()).put("creationDate", s.creationDate().toString())
                .put("destinationId", s.destinationId());
        node.putObject("payload").put("format", "JSON").put("schemaVersion", s.schemaVersion())
                .put("deliveryProtocol", "HTTPS");
        return node;
    }

    private static SimResponse created(EbayCall call, String path) {
        return new SimResponse(201, Map.of("Location", call.baseUrl() + BASE_PATH + path), new byte[0]);
    }

    private static SimResponse noContent() {
        return new SimResponse(204, Map.of(), new byte[0]);
    }

    private static EbayException badRequest(long errorId, String message) {
        return new EbayException(EbayErrors.badRequest(EbayApi.NOTIFICATION, errorId, message, null, null));
    }

    private static EbayException conflict(long errorId, String message) {
        return new EbayException(EbayErrors.of(409, EbayErrors.error(errorId, "API_NOTIFICATION", "REQUEST", message,
                null)));
    }
}

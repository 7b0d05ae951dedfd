package io.nexusconnect.sims.bol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.webhooks.WebhookPusher;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Push notification subscriptions (retailer.json tag Subscriptions): {@code GET|POST /retailer/subscriptions},
 * {@code GET|PUT|DELETE /retailer/subscriptions/{subscription-id}}. Writes are asynchronous like every bol write: 202
 * with a process status, applied when the status first reads SUCCESS. A new order is pushed as
 * {@code {retailerId, timestamp, event{resource: ORDER, type: NEW, resourceId}}} to every enabled WEBHOOK
 * subscription of the ORDER resource; a push bol cannot deliver after its retries disables the subscription
 * (reference §5.4).
 */
final class BolSubscriptions {
    static final Set<String> RESOURCES = Set.of("PROCESS_STATUS", "SHIPMENT", "PRICE_STAR_BOUNDARY",
            "COMPETING_OFFER", "OFFER_FOR_SALE", "OFFER_NOT_FOR_SALE", "ORDER");
    static final Set<String> TYPES = Set.of("WEBHOOK", "GCP_PUBSUB", "AWS_SQS");

    /** One subscription as bol keeps it. */
    record Subscription(String id, List<String> resources, String url, String subscriptionType, boolean enabled) {
        Subscription disabled() {
            return new Subscription(id, resources, url, subscriptionType, false);
        }
    }

    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(1233);
    private final BolStore store;
    private final BolApi api;
    private final Duration processing;
    private final WebhookPusher pusher;
    private final Clock clock;
    private final String retailerId;

    BolSubscriptions(BolStore store, BolApi api, Duration processing, WebhookPusher pusher, Clock clock,
                     String retailerId) {
        this.store = store;
        this.api = api;
        this.processing = processing;
        this.pusher = pusher;
        this.clock = clock;
        this.retailerId = retailerId;
    }

    synchronized SimResponse list(BolCall call) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("subscriptions");
        subscriptions.values().forEach(s -> list.add(json(s)));
        return BolApi.v10(200, body);
    }

    synchronized SimResponse get(BolCall call) {
        Subscription s = subscriptions.get(call.path("subscriptionId"));
        return s == null ? BolProblems.notFound("Subscription " + call.path("subscriptionId")) : BolApi.v10(200, json(s));
    }

    SimResponse create(BolCall call) {
        JsonNode body = Json.parseOrNull(call.body());
        String invalid = invalid(body);
        if (invalid != null) {
            return BolProblems.badRequest(invalid);
        }
        Subscription s = read(Long.toString(ids.incrementAndGet()), body);
        return BolApi.v10(202, api.status(store.startSubscriptionChange(s.id(), "CREATE_SUBSCRIPTION", call.now(),
                processing, () -> put(s)), call));
    }

    SimResponse update(BolCall call) {
        String id = call.path("subscriptionId");
        JsonNode body = Json.parseOrNull(call.body());
        String invalid = invalid(body);
        if (invalid != null) {
            return BolProblems.badRequest(invalid);
        }
        synchronized (this) {
            if (!subscriptions.containsKey(id)) {
                return BolProblems.notFound("Subscription " + id);
            }
        }
        Subscription s = read(id, body);
        return BolApi.v10(202, api.status(store.startSubscriptionChange(id, "UPDATE_SUBSCRIPTION", call.now(),
                processing, () -> put(s)), call));
    }

    SimResponse delete(BolCall call) {
        String id = call.path("subscriptionId");
        synchronized (this) {
            if (!subscriptions.containsKey(id)) {
                return BolProblems.notFound("Subscription " + id);
            }
        }
        return BolApi.v10(202, api.status(store.startSubscriptionChange(id, "DELETE_SUBSCRIPTION", call.now(),
                processing, () -> remove(id)), call));
    }

    synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    /** Pushes ORDER/NEW for the order to every enabled WEBHOOK subscription of the ORDER resource. */
    List<WebhookPusher.Push> orderNew(String orderId) {
        List<Subscription> targets;
        synchronized (this) {
            targets = subscriptions.values().stream().filter(s -> s.enabled() && s.subscriptionType().equals("WEBHOOK")
                    && s.resources().contains("ORDER")).toList();
        }
        ObjectNode push = Json.object().put("retailerId", retailerId).put("timestamp", Json.time(clock.instant()));
        push.putObject("event").put("resource", "ORDER").put("type", "NEW").put("resourceId", orderId);
        byte[] body = Json.bytes(push);
        List<WebhookPusher.Push> pushes = new ArrayList<>();
        for (Subscription s : targets) {
            pushes.add(pusher.push(s.url(), "ORDER/NEW", body, uri -> Map.of("Content-Type", "application/json"),
                    () -> disable(s.id())));
        }
        return pushes;
    }

    private synchronized void put(Subscription s) {
        subscriptions.put(s.id(), s);
    }

    private synchronized void remove(String id) {
        subscriptions.remove(id);
    }

    private synchronized void disable(String id) {
        subscriptions.computeIfPresent(id, (k, s) -> s.disabled());
    }

    private static String invalid(JsonNode body) {
        if (body == null || !body.path("resources").isArray() || body.path("resources").isEmpty()) {
            return "resources must name at least one event type.";
        }
        for (JsonNode resource : body.path("resources")) {
            if (!RESOURCES.contains(resource.asText())) {
                return "Unknown resource " + resource.asText() + ".";
            }
        }
        if (!TYPES.contains(body.path("subscriptionType").asText())) {
            return "subscriptionType must be WEBHOOK, GCP_PUBSUB or AWS_SQS.";
        }
        String url = body.path("url").asText("");
        if (url.isBlank() || (body.path("subscriptionType").asText().equals("WEBHOOK") && !url.matches("https?://.+"))) {
            return "url must be the address of the webhook.";
        }
        return null;
    }

    private static Subscription read(String id, JsonNode body) {
        List<String> resources = new ArrayList<>();
        body.path("resources").forEach(r -> resources.add(r.asText()));
        return new Subscription(id, List.copyOf(resources), body.path("url").asText(),
                body.path("subscriptionType").asText(), body.path("enabled").asBoolean(true));
    }

    private static ObjectNode json(Subscription s) {
        ObjectNode node = Json.object().put("id", s.id());
        ArrayNode resources = node.putArray("resources");
        s.resources().forEach(resources::add);
        return node.put("url", s.url()).put("subscriptionType", s.subscriptionType()).put("enabled", s.enabled());
    }
}

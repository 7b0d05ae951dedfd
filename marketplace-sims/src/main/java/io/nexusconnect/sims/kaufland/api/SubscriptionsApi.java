package io.nexusconnect.sims.kaufland.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.webhooks.WebhookPusher;
import io.nexusconnect.sims.kaufland.http.KauflandCall;
import io.nexusconnect.sims.kaufland.http.KauflandErrors;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Push notification subscriptions (swagger.json tag Subscriptions): {@code GET|POST /v2/subscriptions},
 * {@code GET|PATCH|DELETE /v2/subscriptions/{id_subscription}}, and the pushes: a new order is pushed as
 * {@code order_new} to every active subscription of the event and the order's storefront. A new or changed
 * {@code callback_url} is verified first (AddSubscription: "will result in a callback verification request"): a GET
 * with {@code mode=subscribe&challenge=X} must answer X, else the call is refused (BEHAVIOR-kaufland in
 * adapter-kaufland/BEHAVIOR.md).
 */
public final class SubscriptionsApi {
    static final Set<String> EVENTS = Set.of("order_new", "order_unit_new", "order_unit_status_changed",
            "item_changed", "category_changed", "return_new", "return_status_changed", "return_unit_status_changed",
            "item_unit_new", "item_unit_changed", "item_unit_deleted", "item_unit_out_of_stock",
            "item_unit_not_available", "item_unit_available");

    /** One subscription as Kaufland keeps it. */
    public record Subscription(long idSubscription, String callbackUrl, String fallbackEmail, String eventName,
                               boolean active, String storefront) {
    }

    private final Map<Long, Subscription> subscriptions = new LinkedHashMap<>();
    private final Set<String> storefronts;
    private final WebhookPusher pusher;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long nextId = 11_011;

    public SubscriptionsApi(Set<String> storefronts, WebhookPusher pusher) {
        this.storefronts = storefronts;
        this.pusher = pusher;
    }

    public synchronized SimResponse list(KauflandCall call) {
        String storefront = call.query("storefront");
        String event = call.query("event_name");
        int limit = call.query("limit") == null ? 30 : Integer.parseInt(call.query("limit"));
        int offset = call.query("offset") == null ? 0 : Integer.parseInt(call.query("offset"));
        if (limit < 0 || limit > 30 || offset < 0) {
            return KauflandErrors.badRequest("limit", "limit 0..30, offset >= 0");
        }
        List<Subscription> matching = subscriptions.values().stream()
                .filter(s -> storefront == null || storefront.equals(s.storefront()))
                .filter(s -> event == null || event.equals(s.eventName())).toList();
        ArrayNode data = Json.array();
        matching.stream().skip(offset).limit(limit).forEach(s -> data.add(json(s)));
        return SimResponse.json(200, KauflandJson.page(data, offset, limit, matching.size()));
    }

    public synchronized SimResponse get(KauflandCall call) {
        Subscription s = find(call);
        return s == null ? KauflandErrors.notFound("Subscription") : data(200, s);
    }

    public SimResponse create(KauflandCall call) {
        String storefront = call.query("storefront");
        if (storefront == null || !storefronts.contains(storefront)) {
            return storefront == null ? KauflandErrors.badRequest("storefront", "is required")
                    : KauflandErrors.storefrontNotConfigured(storefront);
        }
        JsonNode body = call.bodyJson();
        String invalid = body == null ? "body" : invalid(body, true);
        if (invalid != null) {
            return KauflandErrors.badRequest(invalid, "missing or invalid");
        }
        String callback = body.path("callback_url").asText();
        if (!verified(callback)) {
            return KauflandErrors.badRequest("callback_url", "callback verification failed");
        }
        synchronized (this) {
            Subscription s = new Subscription(nextId++, callback, body.path("fallback_email").asText(),
                    body.path("event_name").asText(), true, storefront);
            subscriptions.put(s.idSubscription(), s);
            return data(201, s);
        }
    }

    public SimResponse update(KauflandCall call) {
        Subscription s;
        synchronized (this) {
            s = find(call);
        }
        if (s == null) {
            return KauflandErrors.notFound("Subscription");
        }
        JsonNode body = call.bodyJson();
        String invalid = body == null ? "body" : invalid(body, false);
        if (invalid != null) {
            return KauflandErrors.badRequest(invalid, "missing or invalid");
        }
        String callback = body.path("callback_url").asText(s.callbackUrl());
        if (!callback.equals(s.callbackUrl()) && !verified(callback)) {
            return KauflandErrors.badRequest("callback_url", "callback verification failed");
        }
        Subscription updated = new Subscription(s.idSubscription(), callback,
                body.path("fallback_email").asText(s.fallbackEmail()), body.path("event_name").asText(s.eventName()),
                body.path("is_active").asBoolean(s.active()), body.path("storefront").asText(s.storefront()));
        synchronized (this) {
            subscriptions.put(updated.idSubscription(), updated);
        }
        return data(200, updated);
    }

    public synchronized SimResponse delete(KauflandCall call) {
        Subscription s = find(call);
        if (s == null) {
            return KauflandErrors.notFound("Subscription");
        }
        subscriptions.remove(s.idSubscription());
        return new SimResponse(204, Map.of(), new byte[0]);
    }

    public synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    /**
     * Pushes {@code order_new} for the order. Decision (the payload is not documented beyond "does not contain the
     * changed data"): {@code {"event_name", "id_order", "storefront", "ts_created_iso"}}.
     */
    public List<WebhookPusher.Push> orderNew(String idOrder, String storefront, String createdIso) {
        List<Subscription> targets;
        synchronized (this) {
            targets = subscriptions.values().stream().filter(s -> s.active() && s.eventName().equals("order_new")
                    && storefront.equals(s.storefront())).toList();
        }
        byte[] body = Json.bytes(Json.object().put("event_name", "order_new").put("id_order", idOrder)
                .put("storefront", storefront).put("ts_created_iso", createdIso));
        List<WebhookPusher.Push> pushes = new ArrayList<>();
        for (Subscription s : targets) {
            pushes.add(pusher.push(s.callbackUrl(), "order_new", body, uri -> Map.of("Content-Type",
                    "application/json")));
        }
        return pushes;
    }

    /** The v1 handshake: {@code GET <callback>?mode=subscribe&challenge=X}, answered with X alone. */
    private boolean verified(String callback) {
        String challenge = UUID.randomUUID().toString();
        String url = callback + (callback.contains("?") ? "&" : "?") + "mode=subscribe&challenge="
                + URLEncoder.encode(challenge, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && challenge.equals(answer.body().trim());
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String invalid(JsonNode body, boolean creating) {
        String callback = body.path("callback_url").asText(null);
        if ((creating || body.has("callback_url"))
                && (callback == null || callback.length() > 255 || !callback.matches("https?://.+"))) {
            return "callback_url";
        }
        if (creating && body.path("fallback_email").asText("").isBlank()) {
            return "fallback_email";
        }
        if ((creating || body.has("event_name")) && !EVENTS.contains(body.path("event_name").asText())) {
            return "event_name";
        }
        return null;
    }

    private Subscription find(KauflandCall call) {
        try {
            return subscriptions.get(Long.parseLong(call.path("id_subscription")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static SimResponse data(int status, Subscription s) {
        ObjectNode body = Json.object();
        body.set("data", json(s));
        return SimResponse.json(status, body);
    }

    private static ObjectNode json(Subscription s) {
        return Json.object().put("id_subscription", s.idSubscription()).put("callback_url", s.callbackUrl())
                .put("fallback_email", s.fallbackEmail()).put("event_name", s.eventName())
                .put("is_active", s.active()).put("storefront", s.storefront());
    }
}

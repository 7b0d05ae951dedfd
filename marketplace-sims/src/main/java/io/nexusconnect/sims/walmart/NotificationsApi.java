package io.nexusconnect.sims.walmart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.webhooks.WebhookPusher;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Notifications API (notifications.json): {@code GET|POST /v3/webhooks/subscriptions},
 * {@code PATCH|DELETE /v3/webhooks/subscriptions/{subscriptionId}}, {@code GET /v3/webhooks/eventTypes}, and the
 * pushes themselves: a placed order is pushed as {@code PO_CREATED} to every ACTIVE subscription of the event, signed
 * per the subscription's {@code authDetails} (BEHAVIOR-walmart.md).
 */
public final class NotificationsApi {
    /** The event types of notifications.json {@code getEventTypes}: resource per event type. */
    static final Map<String, String> EVENT_TYPES = Map.of("OFFER_UNPUBLISHED", "ITEM", "BUY_BOX_CHANGED", "PRICE",
            "PO_CREATED", "ORDER", "PO_LINE_AUTOCANCELLED", "ORDER", "REPORT_STATUS", "REPORTS", "INVENTORY_OOS",
            "INVENTORY");
    private static final Set<String> AUTH_METHODS = Set.of("BASIC_AUTH", "OAUTH", "HMAC");

    /** One subscription as Walmart keeps it. */
    public static final class Subscription {
        public final String subscriptionId;
        public final String eventType;
        public volatile String eventVersion;
        public volatile String resourceName;
        public volatile String eventUrl;
        public volatile String status;
        public volatile ObjectNode authDetails;
        public volatile ObjectNode headers;

        Subscription(String subscriptionId, String eventType) {
            this.subscriptionId = subscriptionId;
            this.eventType = eventType;
        }

        /** The subscription's {@code authDetails.clientSecret} (HMAC), or null. */
        public String clientSecret() {
            return authDetails == null ? null : authDetails.path("clientSecret").asText(null);
        }
    }

    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final WebhookPusher pusher;
    private final Clock clock;
    private final String partnerId;

    NotificationsApi(WebhookPusher pusher, Clock clock, String partnerId) {
        this.pusher = pusher;
        this.clock = clock;
        this.partnerId = partnerId;
    }

    SimResponse eventTypes(WalmartCall call) {
        ObjectNode body = Json.object();
        ArrayNode events = body.putArray("events");
        EVENT_TYPES.forEach((type, resource) -> events.addObject().put("resourceName", resource)
                .put("eventType", type).put("eventVersion", "V1"));
        return SimResponse.json(200, body);
    }

    synchronized SimResponse list(WalmartCall call) {
        ObjectNode body = Json.object();
        ArrayNode events = body.putArray("events");
        for (Subscription s : subscriptions.values()) {
            if (matches(call.query("subscriptionId"), s.subscriptionId) && matches(call.query("eventType"), s.eventType)
                    && matches(call.query("resourceName"), s.resourceName) && matches(call.query("status"), s.status)) {
                events.add(json(s));
            }
        }
        return SimResponse.json(200, body);
    }

    synchronized SimResponse create(WalmartCall call) {
        JsonNode request = Json.parseOrNull(call.body());
        if (request == null || !request.path("events").isArray() || request.path("events").isEmpty()) {
            return WalmartErrors.badRequest("INVALID_REQUEST_CONTENT.GMP_NOTIFICATION_API", "events",
                    "events is required");
        }
        for (JsonNode event : request.path("events")) {
            String invalid = invalid(event, true);
            if (invalid != null) {
                return WalmartErrors.badRequest("INVALID_REQUEST_CONTENT.GMP_NOTIFICATION_API", invalid,
                        invalid + " is missing or invalid");
            }
        }
        ObjectNode body = Json.object();
        ArrayNode created = body.putArray("events");
        for (JsonNode event : request.path("events")) {
            Subscription s = new Subscription(UUID.randomUUID().toString(), event.path("eventType").asText());
            apply(s, event);
            subscriptions.put(s.subscriptionId, s);
            created.add(json(s));
        }
        return SimResponse.json(200, body);
    }

    synchronized SimResponse update(WalmartCall call) {
        Subscription s = subscriptions.get(call.path("subscriptionId"));
        if (s == null) {
            return WalmartErrors.notFound("CONTENT_NOT_FOUND.GMP_NOTIFICATION_API", "Subscription not found.");
        }
        JsonNode request = Json.parseOrNull(call.body());
        String invalid = request == null ? "body" : invalid(request, false);
        if (invalid != null) {
            return WalmartErrors.badRequest("INVALID_REQUEST_CONTENT.GMP_NOTIFICATION_API", invalid,
                    invalid + " is invalid");
        }
        apply(s, request);
        return SimResponse.json(200, json(s));
    }

    synchronized SimResponse delete(WalmartCall call) {
        Subscription s = subscriptions.remove(call.path("subscriptionId"));
        if (s == null) {
            return WalmartErrors.notFound("CONTENT_NOT_FOUND.GMP_NOTIFICATION_API", "Subscription not found.");
        }
        return SimResponse.json(200, Json.object().put("subscriptionId", s.subscriptionId)
                .put("message", "Successfully deleted subscription"));
    }

    public synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    /** Pushes {@code PO_CREATED} for the order to every ACTIVE subscription of the event. */
    List<WebhookPusher.Push> orderCreated(WalmartStore.PurchaseOrder order) {
        List<Subscription> targets;
        synchronized (this) {
            targets = subscriptions.values().stream()
                    .filter(s -> s.eventType.equals("PO_CREATED") && "ACTIVE".equals(s.status)).toList();
        }
        byte[] body = Json.bytes(poCreated(order));
        List<WebhookPusher.Push> pushes = new ArrayList<>();
        for (Subscription s : targets) {
            pushes.add(pusher.push(s.eventUrl, "PO_CREATED", body, uri -> headers(s, uri, body)));
        }
        return pushes;
    }

    /**
     * The PO_CREATED event as documented (https://developer.walmart.com/us-marketplace/docs/purchase-order-po-created-event):
     * {@code source{eventType, eventTime, eventId}}, {@code payload} with the order's ids, dates and lines — no
     * charges, so a receiver reads the prices from getAnOrder.
     */
    ObjectNode poCreated(WalmartStore.PurchaseOrder order) {
        ObjectNode event = Json.object();
        event.putObject("source").put("eventType", "PO_CREATED").put("eventTime", Json.time(clock.instant()))
                .put("eventId", UUID.randomUUID().toString());
        ObjectNode payload = event.putObject("payload").put("partnerId", partnerId)
                .put("purchaseOrderId", order.purchaseOrderId).put("customerOrderId", order.customerOrderId)
                .put("orderDate", Json.time(order.orderDate))
                .put("estimatedDeliveryDate", Json.time(order.orderDate.plus(java.time.Duration.ofDays(5))))
                .put("estimatedShipDate", Json.time(order.orderDate.plus(java.time.Duration.ofDays(1))));
        ArrayNode lines = payload.putArray("orderLines");
        for (WalmartStore.Line line : order.lines) {
            ObjectNode l = lines.addObject().put("lineNumber", line.lineNumber).put("sku", line.sku)
                    .put("productName", line.productName);
            l.putObject("quantity").put("unitOfMeasure", "EACH").put("measurementValue",
                    Integer.toString(line.quantity));
            l.put("status", line.status.toUpperCase(Locale.ROOT)).put("statusDate", Json.time(order.lastModified))
                    .put("shippingProgramType", "THREE_DAY").put("shippingMethod", "Value")
                    .put("shipNodeType", "SellerFulfilled");
        }
        return event;
    }

    /**
     * Per attempt: the subscription's custom headers, then its auth. HMAC is sent as nexus' gateway verifies it,
     * {@code WM_SEC.TIMESTAMP} (epoch seconds) and {@code WM_SEC.SIGNATURE} = base64(HMAC-SHA256(clientSecret,
     * METHOD\nPATH_AND_QUERY\nTIMESTAMP\nhex(SHA-256(body)))) (security-and-authenticity page); BASIC_AUTH as
     * {@code authHeaderName: Basic base64(userName:password)}.
     */
    Map<String, String> headers(Subscription s, URI uri, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (s.headers != null) {
            s.headers.fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        }
        ObjectNode auth = s.authDetails;
        String method = auth == null ? "" : auth.path("authMethod").asText("");
        if (method.equals("HMAC") && s.clientSecret() != null) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String toSign = "POST\n" + pathAndQuery + "\n" + timestamp + "\n" + sha256Hex(body);
            headers.put("WM_SEC.TIMESTAMP", timestamp);
            headers.put("WM_SEC.SIGNATURE", Base64.getEncoder().encodeToString(hmac(s.clientSecret(), toSign)));
        } else if (method.equals("BASIC_AUTH")) {
            String pair = auth.path("userName").asText("") + ":" + auth.path("password").asText("");
            headers.put(auth.path("authHeaderName").asText("Authorization"),
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }

    private static String invalid(JsonNode event, boolean creating) {
        String type = event.path("eventType").asText(null);
        if (creating && (type == null || !EVENT_TYPES.containsKey(type))) {
            return "eventType";
        }
        if (creating && !EVENT_TYPES.get(type).equals(event.path("resourceName").asText(null))) {
            return "resourceName";
        }
        if (creating && !"V1".equals(event.path("eventVersion").asText(null))) {
            return "eventVersion";
        }
        String url = event.path("eventUrl").asText(null);
        if ((creating || event.has("eventUrl")) && (url == null || !url.matches("https?://.+"))) {
            return "eventUrl";
        }
        String status = event.path("status").asText(null);
        if ((creating || event.has("status")) && !"ACTIVE".equals(status) && !"INACTIVE".equals(status)) {
            return "status";
        }
        JsonNode auth = event.path("authDetails");
        if (auth.isObject() && !AUTH_METHODS.contains(auth.path("authMethod").asText())) {
            return "authDetails.authMethod";
        }
        if (auth.isObject() && auth.path("authMethod").asText().equals("HMAC")
                && auth.path("clientSecret").asText("").isBlank()) {
            return "authDetails.clientSecret";
        }
        return null;
    }

    private static void apply(Subscription s, JsonNode event) {
        if (event.has("eventVersion")) {
            s.eventVersion = event.path("eventVersion").asText();
        }
        if (event.has("resourceName")) {
            s.resourceName = event.path("resourceName").asText();
        }
        if (event.has("eventUrl")) {
            s.eventUrl = event.path("eventUrl").asText();
        }
        if (event.has("status")) {
            s.status = event.path("status").asText();
        }
        if (event.path("authDetails").isObject()) {
            s.authDetails = ((ObjectNode) event.path("authDetails")).deepCopy();
        }
        if (event.path("headers").isObject()) {
            s.headers = ((ObjectNode) event.path("headers")).deepCopy();
        }
    }

    private ObjectNode json(Subscription s) {
        ObjectNode o = Json.object().put("eventType", s.eventType).put("subscriptionId", s.subscriptionId)
                .put("partnerId", partnerId).put("eventVersion", s.eventVersion).put("resourceName", s.resourceName)
                .put("eventUrl", s.eventUrl).put("status", s.status);
        if (s.headers != null) {
            o.set("headers", s.headers.deepCopy());
        }
        if (s.authDetails != null) {
            // Decision: secrets are not echoed back (the spec's samples show them; a real API would not)
            ObjectNode auth = s.authDetails.deepCopy();
            auth.remove(List.of("clientSecret", "password"));
            o.set("authDetails", auth);
        }
        return o;
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.equals(value);
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.nexusconnect.sims.ebay.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simulator's admin hooks for what a seller or buyer does on eBay (the e2e tests' levers):
 * <ul>
 *   <li>{@code POST /__sim/ebay/orders} {@code {"lines":[{"sku":"EB-SKU-00001","quantity":2}]}} (empty body: one unit
 *       of the first active item): a new order, and its ORDER_CONFIRMATION pushes; answers
 *       {@code {orderId, notificationIds}} with 201.</li>
 *   <li>{@code POST /__sim/ebay/authorization-revocation}: the demo seller revokes the demo application (its refresh
 *       token stops working) and AUTHORIZATION_REVOCATION is pushed.</li>
 *   <li>{@code POST /__sim/ebay/account-deletion}: MARKETPLACE_ACCOUNT_DELETION for the demo seller (consent gone
 *       too).</li>
 *   <li>{@code GET /__sim/ebay/notifications}: destinations, subscriptions and every push with its attempts.</li>
 * </ul>
 */
public final class NotificationAdmin {
    /** What the hooks do to the simulator; implemented by {@code EbaySimulator}. */
    public interface Levers {
        /** Places an order (SKU → units; empty = one unit of the first active item); answers id and pushes. */
        Map<String, Object> placeOrder(Map<String, Integer> lines);

        List<String> revokeAuthorization();

        List<String> deleteAccount();
    }

    private final Levers levers;
    private final NotificationState state;
    private final Supplier<List<NotificationPusher.Delivery>> deliveries;

    public NotificationAdmin(Levers levers, NotificationState state, Supplier<List<NotificationPusher.Delivery>> deliveries) {
        this.levers = levers;
        this.state = state;
        this.deliveries = deliveries;
    }

    public void mount(Router router) {
        router.post("/__sim/ebay/orders").handler(this::placeOrder);
        router.post("/__sim/ebay/authorization-revocation").handler(ctx -> ids(ctx, levers.revokeAuthorization()));
        router.post("/__sim/ebay/account-deletion").handler(ctx -> ids(ctx, levers.deleteAccount()));
        router.get("/__sim/ebay/notifications").handler(this::view);
    }

    private void placeOrder(RoutingContext ctx) {
        JsonNode body = Json.parseOrNull(ctx.body() == null ? null : ctx.body().asString());
        Map<String, Integer> lines = new LinkedHashMap<>();
        if (body != null) {
            for (JsonNode line : body.path("lines")) {
                String sku = line.path("sku").asText("");
                int quantity = line.path("quantity").asInt(1);
                if (sku.isEmpty() || quantity < 1) {
                    problem(ctx, "each line needs a sku and a quantity of at least 1");
                    return;
                }
                lines.merge(sku, quantity, Integer::sum);
            }
        }
        try {
            SimResponse.json(201, Json.MAPPER.valueToTree(levers.placeOrder(lines))).send(ctx);
        } catch (NoSuchElementException e) {
            problem(ctx, e.getMessage());
        }
    }

    private static void ids(RoutingContext ctx, List<String> notificationIds) {
        ObjectNode body = Json.object();
        notificationIds.forEach(body.putArray("notificationIds")::add);
        SimResponse.json(200, body).send(ctx);
    }

    private void view(RoutingContext ctx) {
        ObjectNode body = Json.object();
        list(body.putArray("destinations"), state.destinations(), d -> Json.object().put("destinationId", d.destinationId())
                .put("clientId", d.clientId()).put("status", d.status()).put("endpoint", d.endpoint()));
        list(body.putArray("subscriptions"), state.subscriptions(), s -> Json.object()
                .put("subscriptionId", s.subscriptionId()).put("topicId", s.topicId()).put("status", s.status())
                .put("destinationId", s.destinationId()).put("userId", s.userId()));
        list(body.putArray("deliveries"), deliveries.get(), d -> Json.MAPPER.valueToTree(d));
        SimResponse.json(200, body).send(ctx);
    }

    private static <T> void list(ArrayNode into, List<T> items, Function<T, JsonNode> json) {
        items.forEach(item -> into.add(json.apply(item)));
    }

    private static void problem(RoutingContext ctx, String detail) {
        SimResponse.json(400, Json.object().put("type", "about:blank").put("title", "Bad Request").put("status", 400)
                .put("detail", detail)).withHeader(SimResponse.CONTENT_TYPE, "application/problem+json").send(ctx);
    }
}

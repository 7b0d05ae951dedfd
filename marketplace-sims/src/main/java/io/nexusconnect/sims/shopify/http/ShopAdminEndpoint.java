package io.nexusconnect.sims.shopify.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.webhooks.ShopEvents;
import io.nexusconnect.sims.shopify.webhooks.SimSubscription;
import io.nexusconnect.sims.shopify.webhooks.WebhookDispatcher;
import io.nexusconnect.sims.shopify.webhooks.WebhookSubscriptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The simulator's own admin hooks (not Shopify's API), so an end-to-end test can make the shop push:
 * <ul>
 *   <li>{@code POST /__sim/shopify/orders} {@code {"lines":{"SKU":2},"discount":"5.00"}} (both optional) → 201 with
 *       the order's {@code id}, {@code number}, {@code name} and the {@code deliveries} triggered;</li>
 *   <li>{@code POST /__sim/shopify/orders/{number}} {@code {"financialStatus":"PAID","fulfillmentStatus":
 *       "FULFILLED","cancel":false}} → 200, pushes {@code orders/updated};</li>
 *   <li>{@code POST /__sim/shopify/app/uninstall} (token revoked, {@code app/uninstalled} pushed, subscriptions gone)
 *       and {@code POST /__sim/shopify/app/install};</li>
 *   <li>{@code GET /__sim/shopify/webhooks}: subscriptions and deliveries with every attempt's status.</li>
 * </ul>
 */
public final class ShopAdminEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopEvents events;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDispatcher dispatcher;
    private final String shopDomain;

    public ShopAdminEndpoint(ShopEvents events, WebhookSubscriptions subscriptions, WebhookDispatcher dispatcher,
                             String shopDomain) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
        this.shopDomain = shopDomain;
    }

    public void mount(Router router) {
        router.post("/__sim/shopify/orders").handler(this::createOrder);
        router.post("/__sim/shopify/orders/:number").handler(this::updateOrder);
        router.post("/__sim/shopify/app/uninstall").handler(ctx -> {
            int deliveries = events.uninstallApp().size();
            reply(ctx, 200, JSON.createObjectNode().put("installed", false).put("deliveries", deliveries));
        });
        router.post("/__sim/shopify/app/install").handler(ctx -> {
            events.reinstallApp();
            reply(ctx, 200, JSON.createObjectNode().put("installed", true));
        });
        router.get("/__sim/shopify/webhooks").handler(this::list);
    }

    private void createOrder(RoutingContext ctx) {
        JsonNode body = body(ctx);
        Map<String, Integer> lines = new LinkedHashMap<>();
        body.path("lines").properties().forEach(e -> lines.put(e.getKey(), e.getValue().asInt(1)));
        BigDecimal discount = body.path("discount").isMissingNode() ? BigDecimal.ZERO
                : new BigDecimal(body.path("discount").asText("0"));
        int before = dispatcher.deliveries().size();
        try {
            SimOrder order = events.createOrder(lines, discount);
            reply(ctx, 201, view(order).put("deliveries", dispatcher.deliveries().size() - before));
        } catch (NoSuchElementException e) {
            reply(ctx, 422, JSON.createObjectNode().put("errors", "unknown SKU in lines"));
        }
    }

    private void updateOrder(RoutingContext ctx) {
        JsonNode body = body(ctx);
        int before = dispatcher.deliveries().size();
        try {
            SimOrder order = events.updateOrder(Long.parseLong(ctx.pathParam("number")),
                    body.path("financialStatus").asText(null), body.path("fulfillmentStatus").asText(null),
                    body.path("cancel").asBoolean(false));
            reply(ctx, 200, view(order).put("deliveries", dispatcher.deliveries().size() - before));
        } catch (NumberFormatException | NoSuchElementException e) {
            reply(ctx, 404, JSON.createObjectNode().put("errors", "Not Found"));
        }
    }

    private void list(RoutingContext ctx) {
        ObjectNode out = JSON.createObjectNode();
        out.put("installed", events.installed());
        ArrayNode subs = out.putArray("subscriptions");
        for (SimSubscription s : subscriptions.of(shopDomain)) {
            subs.addObject().put("id", s.id()).put("topic", s.topic()).put("uri", s.uri())
                    .put("apiVersion", s.apiVersion());
        }
        ArrayNode deliveries = out.putArray("deliveries");
        for (WebhookDispatcher.Delivery d : dispatcher.deliveries()) {
            ObjectNode node = deliveries.addObject().put("webhookId", d.webhookId()).put("eventId", d.eventId())
                    .put("topic", d.topic()).put("uri", d.uri()).put("state", d.state().name());
            d.answers().forEach(node.putArray("answers")::add);
        }
        reply(ctx, 200, out);
    }

    private static ObjectNode view(SimOrder order) {
        return JSON.createObjectNode().put("id", order.id()).put("number", order.number()).put("name", order.name());
    }

    private static JsonNode body(RoutingContext ctx) {
        try {
            String text = ctx.body() == null ? null : ctx.body().asString();
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static void reply(RoutingContext ctx, int status, ObjectNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }
}

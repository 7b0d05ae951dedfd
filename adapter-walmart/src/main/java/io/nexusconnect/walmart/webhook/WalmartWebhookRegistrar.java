package io.nexusconnect.walmart.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.adapterkit.webhook.registration.RegistrationContext;
import io.nexusconnect.adapterkit.webhook.registration.WebhookCallback;
import io.nexusconnect.adapterkit.webhook.registration.WebhookRegistrar;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.walmart.client.WalmartAccount;
import io.nexusconnect.walmart.client.WalmartApiClient;
import io.nexusconnect.walmart.config.WalmartConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The connection's order-event subscriptions through the Notifications API (notifications.json): one ACTIVE
 * subscription per configured event type at {@link WebhookCallback#url()}, {@code authDetails} HMAC with the
 * connection's {@code webhookSecret}. Walmart does not return a subscription's secret, so each of ours is updated
 * with the current one on every registration (a rotation is a registration); duplicates and event types no longer
 * wanted are deleted, missing ones created in one call. Subscriptions pointing elsewhere are the seller's own and
 * are never touched.
 */
@ApplicationScoped
public class WalmartWebhookRegistrar implements WebhookRegistrar {
    static final String RESOURCE = "ORDER";
    static final String VERSION = "V1";

    private final WalmartApiClient api;
    private final WalmartConfig.Webhooks config;

    WalmartWebhookRegistrar(WalmartApiClient api, WalmartConfig config) {
        this.api = api;
        this.config = config.webhooks();
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.WALMART;
    }

    @Override
    public List<WebhookEndpoints.Endpoint> register(RegistrationContext context) {
        WalmartAccount account = WalmartAccount.of(context.connection(), context.credentials());
        String secret = context.credentials().require("webhookSecret").reveal();
        WebhookCallback callback = context.callback();
        Set<String> missing = new LinkedHashSet<>(config.eventTypes());
        for (JsonNode subscription : ours(account, callback)) {
            String id = subscription.path("subscriptionId").asText();
            boolean wanted = subscription.path("eventUrl").asText().equals(callback.url())
                    && missing.remove(subscription.path("eventType").asText());
            if (wanted) {
                ObjectNode update = Json.mapper().createObjectNode().put("eventUrl", callback.url())
                        .put("status", "ACTIVE");
                update.set("authDetails", authDetails(secret));
                update.set("headers", headers());
                api.updateSubscription(account, id, update.toString());
            } else {
                api.deleteSubscription(account, id);
            }
        }
        if (!missing.isEmpty()) {
            ObjectNode create = Json.mapper().createObjectNode();
            ArrayNode events = create.putArray("events");
            for (String eventType : missing) {
                ObjectNode event = events.addObject().put("eventType", eventType).put("eventVersion", VERSION)
                        .put("resourceName", RESOURCE).put("eventUrl", callback.url()).put("status", "ACTIVE");
                event.set("authDetails", authDetails(secret));
                event.set("headers", headers());
            }
            api.createSubscriptions(account, create.toString());
        }
        List<WebhookEndpoints.Endpoint> endpoints = new ArrayList<>();
        for (JsonNode subscription : ours(account, callback)) {
            endpoints.add(new WebhookEndpoints.Endpoint(subscription.path("eventType").asText(),
                    callback.masked(subscription.path("eventUrl").asText()),
                    subscription.path("subscriptionId").asText(null), subscription.path("status").asText(null)));
        }
        return endpoints;
    }

    @Override
    public void unregister(RegistrationContext context) {
        WalmartAccount account = WalmartAccount.of(context.connection(), context.credentials());
        for (JsonNode subscription : ours(account, context.callback())) {
            api.deleteSubscription(account, subscription.path("subscriptionId").asText());
        }
    }

    /** The seller's subscriptions that push to one of this connection's addresses. */
    private List<JsonNode> ours(WalmartAccount account, WebhookCallback callback) {
        List<JsonNode> ours = new ArrayList<>();
        for (JsonNode subscription : api.getSubscriptions(account).json().path("events")) {
            if (callback.isOurs(subscription.path("eventUrl").asText(null))) {
                ours.add(subscription);
            }
        }
        return ours;
    }

    private ObjectNode authDetails(String secret) {
        return Json.mapper().createObjectNode().put("authMethod", "HMAC").put("clientSecret", secret)
                .put("authHeaderName", config.authHeaderName());
    }

    private static ObjectNode headers() {
        return Json.mapper().createObjectNode().put("content-type", "application/json");
    }
}

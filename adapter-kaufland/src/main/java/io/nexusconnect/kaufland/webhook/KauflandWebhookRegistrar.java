package io.nexusconnect.kaufland.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.webhook.registration.RegistrationContext;
import io.nexusconnect.adapterkit.webhook.registration.WebhookCallback;
import io.nexusconnect.adapterkit.webhook.registration.WebhookRegistrar;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.kaufland.client.KauflandAccount;
import io.nexusconnect.kaufland.client.KauflandApiClient;
import io.nexusconnect.kaufland.config.KauflandConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The connection's push subscriptions through {@code /v2/subscriptions} (swagger.json tag Subscriptions): per
 * storefront of the connection, one active subscription per configured event at the tokened address
 * {@link WebhookCallback#url(io.nexusconnect.adapterkit.credentials.Secret)} — Kaufland signs no push, so the path
 * token is what webhook-gateway checks. Subscriptions of ours at another address (a rotated token) or of an event no
 * longer wanted are deleted, inactive ones (Kaufland disables a callback it could not reach) re-enabled, missing ones
 * added; Kaufland verifies a new callback with a GET handshake, which the gateway answers.
 */
@ApplicationScoped
public class KauflandWebhookRegistrar implements WebhookRegistrar {
    static final int PAGE = 30;

    private final KauflandApiClient api;
    private final KauflandConfig config;

    KauflandWebhookRegistrar(KauflandApiClient api, KauflandConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.KAUFLAND;
    }

    @Override
    public List<WebhookEndpoints.Endpoint> register(RegistrationContext context) {
        KauflandAccount account = KauflandAccount.of(context.connection(), context.credentials(), config);
        WebhookCallback callback = context.callback();
        String address = callback.url(context.credentials().require("webhookToken"));
        String fallbackEmail = fallbackEmail(context);
        Set<String> missing = new LinkedHashSet<>();
        for (String storefront : account.storefronts()) {
            config.webhooks().events().forEach(event -> missing.add(storefront + "/" + event));
        }
        for (JsonNode subscription : ours(account, callback)) {
            String id = subscription.path("id_subscription").asText();
            String key = storefront(subscription) + "/" + subscription.path("event_name").asText();
            if (subscription.path("callback_url").asText().equals(address) && missing.remove(key)) {
                if (!subscription.path("is_active").asBoolean(true)) {
                    api.updateSubscription(account, id, "{\"is_active\":true}");
                }
            } else {
                api.deleteSubscription(account, id);
            }
        }
        for (String key : missing) {
            String[] parts = key.split("/", 2);
            String body = Json.mapper().createObjectNode().put("callback_url", address)
                    .put("fallback_email", fallbackEmail).put("event_name", parts[1]).toString();
            api.addSubscription(account, parts[0], body);
        }
        List<WebhookEndpoints.Endpoint> endpoints = new ArrayList<>();
        for (JsonNode subscription : ours(account, callback)) {
            endpoints.add(new WebhookEndpoints.Endpoint(subscription.path("event_name").asText(),
                    callback.masked(subscription.path("callback_url").asText()),
                    subscription.path("id_subscription").asText(null),
                    subscription.path("is_active").asBoolean(true) ? "active" : "inactive"));
        }
        return endpoints;
    }

    @Override
    public void unregister(RegistrationContext context) {
        KauflandAccount account = KauflandAccount.of(context.connection(), context.credentials(), config);
        for (JsonNode subscription : ours(account, context.callback())) {
            api.deleteSubscription(account, subscription.path("id_subscription").asText());
        }
    }

    /** The seller's subscriptions (every storefront, every page) that push to one of this connection's addresses. */
    private List<JsonNode> ours(KauflandAccount account, WebhookCallback callback) {
        List<JsonNode> ours = new ArrayList<>();
        for (long offset = 0; ; offset += PAGE) {
            JsonNode page = api.getSubscriptions(account, PAGE, offset).json();
            JsonNode data = page.path("data");
            for (JsonNode subscription : data) {
                if (callback.isOurs(subscription.path("callback_url").asText(null))) {
                    ours.add(subscription);
                }
            }
            long total = page.path("pagination").path("total").asLong(0);
            if (data.size() < PAGE || offset + PAGE >= total) {
                return ours;
            }
        }
    }

    private static String storefront(JsonNode subscription) {
        return subscription.path("storefront").asText("").toLowerCase(Locale.ROOT);
    }

    private String fallbackEmail(RegistrationContext context) {
        String property = context.connection().property("webhookFallbackEmail");
        String email = property != null && !property.isBlank() ? property
                : config.webhooks().fallbackEmail().filter(e -> !e.isBlank()).orElse(null);
        if (email == null) {
            throw new MarketplaceException(ErrorCode.INTERNAL, "Kaufland requires a fallback e-mail for push"
                    + " subscriptions: set nexus.kaufland.webhooks.fallback-email or the connection's"
                    + " webhookFallbackEmail");
        }
        return email;
    }
}

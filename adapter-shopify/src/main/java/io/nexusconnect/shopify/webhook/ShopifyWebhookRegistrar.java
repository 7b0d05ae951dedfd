package io.nexusconnect.shopify.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.paging.Page;
import io.nexusconnect.adapterkit.paging.PageShapes;
import io.nexusconnect.adapterkit.paging.Paging;
import io.nexusconnect.adapterkit.webhook.registration.RegistrationContext;
import io.nexusconnect.adapterkit.webhook.registration.WebhookCallback;
import io.nexusconnect.adapterkit.webhook.registration.WebhookRegistrar;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.shopify.client.AdminApiClient;
import io.nexusconnect.shopify.client.GraphqlAnswer;
import io.nexusconnect.shopify.client.Queries;
import io.nexusconnect.shopify.client.ShopifyAccount;
import io.nexusconnect.shopify.config.ShopifyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reconciles the shop's webhook subscriptions for one connection through the Admin API client (the cycles' cost
 * pacing): lists the app's subscriptions ({@code webhookSubscriptions}), keeps those whose {@code uri} is the
 * connection's callback with a wanted topic, deletes the connection's others ({@code webhookSubscriptionDelete}) and
 * creates the missing topics ({@code webhookSubscriptionCreate} with {@code uri}). A user error on create is a
 * permanent refusal ({@code internal} with Shopify's message); "already been taken" means another attempt got there
 * first and is fine. Unregister deletes every subscription of the connection; with a token Shopify no longer accepts
 * (the app was uninstalled, which removes its subscriptions) there is nothing left to delete.
 */
@ApplicationScoped
public class ShopifyWebhookRegistrar implements WebhookRegistrar {
    private static final Logger LOG = Logger.getLogger(ShopifyWebhookRegistrar.class);
    private static final String TAKEN = "already been taken";

    private final AdminApiClient api;
    private final ShopifyConfig config;

    ShopifyWebhookRegistrar(AdminApiClient api, ShopifyConfig config) {
        this.api = api;
        this.config = config;
    }

    /** A subscription as Shopify lists it. */
    record Subscription(String id, String topic, String uri) {
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.SHOPIFY;
    }

    @Override
    public List<WebhookEndpoints.Endpoint> register(RegistrationContext context) {
        ShopifyAccount account = ShopifyAccount.of(context.connection(), context.credentials(), config);
        WebhookCallback callback = context.callback();
        Set<String> wanted = new LinkedHashSet<>(config.webhooks().topics());
        Set<String> present = new LinkedHashSet<>();
        for (Subscription s : ours(account, callback)) {
            if (s.uri().equals(callback.url()) && wanted.contains(s.topic()) && present.add(s.topic())) {
                continue;
            }
            delete(account, s);
        }
        for (String topic : wanted) {
            if (!present.contains(topic)) {
                create(account, topic, callback.url());
            }
        }
        return ours(account, callback).stream().map(s -> new WebhookEndpoints.Endpoint(s.topic(),
                callback.masked(s.uri()), s.id(), null)).toList();
    }

    @Override
    public void unregister(RegistrationContext context) {
        ShopifyAccount account = ShopifyAccount.of(context.connection(), context.credentials(), config);
        List<Subscription> ours;
        try {
            ours = ours(account, context.callback());
        } catch (MarketplaceException e) {
            if (e.code() == ErrorCode.INVALID_CREDENTIALS) {
                LOG.infof("connection %s: Shopify refuses the access token (app uninstalled or token revoked), so the "
                        + "shop keeps no subscription of it to remove", context.connection().connectionId());
                return;
            }
            throw e;
        }
        ours.forEach(s -> delete(account, s));
    }

    /** Every subscription of the app on the shop that points at one of the connection's addresses. */
    List<Subscription> ours(ShopifyAccount account, WebhookCallback callback) {
        List<Subscription> all = new ArrayList<>();
        Paging.tokens().forEach(request -> {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("first", Queries.WEBHOOK_PAGE);
            variables.put("after", request.token());
            GraphqlAnswer answer = api.query(account, "webhookSubscriptions", Queries.WEBHOOK_SUBSCRIPTIONS, variables,
                    Queries.WEBHOOK_SUBSCRIPTIONS_COST);
            JsonNode connection = answer.require("/webhookSubscriptions");
            List<Subscription> page = new ArrayList<>();
            for (JsonNode node : connection.path("nodes")) {
                page.add(new Subscription(node.path("id").asText(), node.path("topic").asText(),
                        node.path("uri").asText(null)));
            }
            return Page.of(page, PageShapes.graphQlEndCursor(connection));
        }, page -> page.items().stream().filter(s -> callback.isOurs(s.uri())).forEach(all::add));
        return all;
    }

    private void create(ShopifyAccount account, String topic, String uri) {
        GraphqlAnswer answer = api.query(account, "webhookSubscriptionCreate", Queries.WEBHOOK_CREATE,
                Map.of("topic", topic, "subscription", Map.of("uri", uri, "format", "JSON")), Queries.MUTATION_COST);
        JsonNode errors = answer.require("/webhookSubscriptionCreate/userErrors");
        if (!errors.isEmpty() && !errors.toString().contains(TAKEN)) {
            throw refused(answer, "webhookSubscriptionCreate " + topic, errors);
        }
    }

    private void delete(ShopifyAccount account, Subscription subscription) {
        GraphqlAnswer answer = api.query(account, "webhookSubscriptionDelete", Queries.WEBHOOK_DELETE,
                Map.of("id", subscription.id()), Queries.MUTATION_COST);
        JsonNode errors = answer.require("/webhookSubscriptionDelete/userErrors");
        if (!errors.isEmpty() && !errors.toString().contains("does not exist")) {
            throw refused(answer, "webhookSubscriptionDelete " + subscription.topic(), errors);
        }
    }

    private static MarketplaceException refused(GraphqlAnswer answer, String operation, JsonNode errors) {
        StringBuilder message = new StringBuilder(operation).append(" refused: ");
        errors.forEach(e -> message.append(e.path("message").asText()).append("; "));
        message.setLength(message.length() - 2);
        return new MarketplaceException(ErrorCode.INTERNAL, message.toString(), answer.response().status(),
                answer.response().body(), answer.response().requestId().orElse(null), null, null);
    }
}

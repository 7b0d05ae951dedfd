package io.nexusconnect.sims.shopify.graphql;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.nexusconnect.sims.shopify.model.Gid;
import io.nexusconnect.sims.shopify.webhooks.SimSubscription;
import io.nexusconnect.sims.shopify.webhooks.WebhookSubscriptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code webhookSubscriptions}, {@code webhookSubscription}, {@code webhookSubscriptionCreate} and
 * {@code webhookSubscriptionDelete} over the app's subscriptions of the request's shop. The API version of the
 * creating request becomes the subscription's {@code apiVersion}. Deleting an id the shop does not have answers the
 * user error "Webhook subscription does not exist".
 */
final class WebhookSubscriptionFields {
    private final WebhookSubscriptions subscriptions;

    WebhookSubscriptionFields(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    Object list(DataFetchingEnvironment env) {
        String shop = AdminSchema.store(env).shop().myshopifyDomain();
        List<String> topics = env.getArgument("topics");
        String uri = env.getArgument("uri") != null ? env.getArgument("uri") : env.getArgument("callbackUrl");
        String format = env.getArgument("format");
        List<SimSubscription> matching = new ArrayList<>(subscriptions.of(shop).stream()
                .filter(s -> topics == null || topics.contains(s.topic()))
                .filter(s -> uri == null || uri.equals(s.uri()))
                .filter(s -> format == null || format.equals(s.format()))
                .toList());
        matching.sort(Comparator.comparingLong(SimSubscription::number));
        return Connections.page(env, matching, s -> Connections.number(s.number()), WebhookSubscriptionFields::view);
    }

    Object one(DataFetchingEnvironment env) {
        String shop = AdminSchema.store(env).shop().myshopifyDomain();
        long number = Gid.number("WebhookSubscription", env.getArgument("id"));
        return subscriptions.get(shop, number).map(WebhookSubscriptionFields::view).orElse(null);
    }

    Object create(DataFetchingEnvironment env) {
        GraphQLContext context = env.getGraphQlContext();
        String shop = AdminSchema.store(env).shop().myshopifyDomain();
        Map<String, Object> input = env.getArgument("webhookSubscription");
        Object uri = input.get("uri") != null ? input.get("uri") : input.get("callbackUrl");
        @SuppressWarnings("unchecked")
        List<String> includeFields = (List<String>) input.get("includeFields");
        WebhookSubscriptions.Created created = subscriptions.create(shop, env.getArgument("topic"),
                uri == null ? null : uri.toString(), (String) input.get("format"), (String) input.get("filter"),
                includeFields, (String) input.get("name"), context.get(AdminSchema.VERSION),
                AdminSchema.store(env).now());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("webhookSubscription", created.subscription() == null ? null : view(created.subscription()));
        payload.put("userErrors", created.userErrors().stream()
                .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return payload;
    }

    Object delete(DataFetchingEnvironment env) {
        String shop = AdminSchema.store(env).shop().myshopifyDomain();
        String id = env.getArgument("id");
        long number = Gid.number("WebhookSubscription", id);
        Map<String, Object> payload = new LinkedHashMap<>();
        if (subscriptions.delete(shop, number).isPresent()) {
            payload.put("deletedWebhookSubscriptionId", id);
            payload.put("userErrors", List.of());
        } else {
            payload.put("deletedWebhookSubscriptionId", null);
            payload.put("userErrors", List.of(Map.of("field", List.of("id"),
                    "message", "Webhook subscription does not exist")));
        }
        return payload;
    }

    static Map<String, Object> view(SimSubscription s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Views.TYPENAME, "WebhookSubscription");
        m.put("id", s.id());
        m.put("topic", s.topic());
        m.put("uri", s.uri());
        m.put("format", s.format());
        m.put("filter", s.filter());
        m.put("includeFields", s.includeFields());
        m.put("metafieldNamespaces", List.of());
        m.put("name", s.name());
        m.put("apiVersion", Map.of("handle", s.apiVersion(), "displayName", s.apiVersion(), "supported", true));
        m.put("createdAt", s.createdAt());
        m.put("updatedAt", s.createdAt());
        m.put("legacyResourceId", s.number());
        return m;
    }
}

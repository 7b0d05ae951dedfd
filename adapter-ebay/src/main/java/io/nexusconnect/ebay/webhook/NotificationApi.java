package io.nexusconnect.ebay.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.QueryStrings;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.ebay.client.EbayAccount;
import io.nexusconnect.ebay.client.EbayApiClient;
import io.nexusconnect.ebay.config.EbayConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Notification API calls registration makes (https://developer.ebay.com/api-docs/commerce/notification/resources/methods),
 * through the adapter's client: destinations, topics and application subscriptions with the keyset's application
 * token, the seller's subscriptions with the seller's user token. Answers are read tolerantly; lists are paged to the
 * end (limit 100, following {@code next}'s continuation token only, never its host).
 */
final class NotificationApi {
    static final String GET_DESTINATIONS = "getDestinations";
    static final String CREATE_DESTINATION = "createDestination";
    static final String UPDATE_DESTINATION = "updateDestination";
    static final String DELETE_DESTINATION = "deleteDestination";
    static final String GET_TOPICS = "getTopics";
    static final String GET_SUBSCRIPTIONS = "getSubscriptions";
    static final String CREATE_SUBSCRIPTION = "createSubscription";
    static final String UPDATE_SUBSCRIPTION = "updateSubscription";
    static final String ENABLE_SUBSCRIPTION = "enableSubscription";
    static final String DELETE_SUBSCRIPTION = "deleteSubscription";

    record Destination(String destinationId, String name, String status, String endpoint, String verificationToken) {
    }

    /** A topic: {@code scope} USER is subscribed with the seller's token, APPLICATION with the keyset's. */
    record Topic(String topicId, String scope, String schemaVersion) {
        boolean userScoped() {
            return !"APPLICATION".equals(scope);
        }
    }

    /** @param userScoped listed with the seller's token (a user subscription) */
    record Subscription(String subscriptionId, String topicId, String status, String schemaVersion,
                        String destinationId, boolean userScoped) {
        boolean enabled() {
            return "ENABLED".equals(status);
        }
    }

    private final EbayApiClient client;
    private final EbayConfig.Notifications config;
    private final EbayAccount account;

    NotificationApi(EbayApiClient client, EbayConfig.Notifications config, EbayAccount account) {
        this.client = client;
        this.config = config;
        this.account = account;
    }

    Optional<Destination> destinationFor(String endpoint) {
        return pages(GET_DESTINATIONS, "/destination", false, "destinations", node -> new Destination(
                node.path("destinationId").asText(), node.path("name").asText(""), node.path("status").asText(""),
                node.path("deliveryConfig").path("endpoint").asText(""),
                node.path("deliveryConfig").path("verificationToken").asText("")))
                .stream().filter(d -> d.endpoint().equals(endpoint)).findFirst();
    }

    String createDestination(String name, String endpoint, String verificationToken) {
        return idFrom(call(false, CREATE_DESTINATION, "POST", "/destination",
                destination(name, endpoint, verificationToken)));
    }

    void updateDestination(String destinationId, String name, String endpoint, String verificationToken) {
        call(false, UPDATE_DESTINATION, "PUT", "/destination/" + EbayApiClient.segment(destinationId),
                destination(name, endpoint, verificationToken));
    }

    void deleteDestination(String destinationId) {
        call(false, DELETE_DESTINATION, "DELETE", "/destination/" + EbayApiClient.segment(destinationId), null);
    }

    List<Topic> topics() {
        return pages(GET_TOPICS, "/topic", false, "topics", node -> new Topic(node.path("topicId").asText(),
                node.path("scope").asText("USER"), schemaVersion(node.path("supportedPayloads"))));
    }

    /** The seller's subscriptions ({@code user}) or the application's. */
    List<Subscription> subscriptions(boolean user) {
        return pages(GET_SUBSCRIPTIONS, "/subscription", user, "subscriptions", node -> new Subscription(
                node.path("subscriptionId").asText(), node.path("topicId").asText(), node.path("status").asText(""),
                node.path("payload").path("schemaVersion").asText(""), node.path("destinationId").asText(""), user));
    }

    String createSubscription(Topic topic, String destinationId) {
        ObjectNode body = subscription(topic.schemaVersion(), destinationId).put("topicId", topic.topicId());
        return idFrom(call(topic.userScoped(), CREATE_SUBSCRIPTION, "POST", "/subscription", Json.write(body)));
    }

    /** Points the subscription at {@code destinationId}, enabled. */
    void moveSubscription(Subscription subscription, Topic topic, String destinationId) {
        call(subscription.userScoped(), UPDATE_SUBSCRIPTION, "PUT", "/subscription/"
                + EbayApiClient.segment(subscription.subscriptionId()),
                Json.write(subscription(topic.schemaVersion(), destinationId)));
    }

    void enableSubscription(Subscription subscription) {
        call(subscription.userScoped(), ENABLE_SUBSCRIPTION, "POST", "/subscription/"
                + EbayApiClient.segment(subscription.subscriptionId()) + "/enable", null);
    }

    void deleteSubscription(Subscription subscription) {
        call(subscription.userScoped(), DELETE_SUBSCRIPTION, "DELETE", "/subscription/"
                + EbayApiClient.segment(subscription.subscriptionId()), null);
    }

    private MarketplaceResponse call(boolean user, String operation, String method, String pathAndQuery, String body) {
        return user
                ? client.asSeller(account, operation, method, pathAndQuery, body, config.subscriptionScope())
                : client.asApplication(account, operation, method, pathAndQuery, body, config.applicationScope());
    }

    private <T> List<T> pages(String operation, String path, boolean user, String field, Function<JsonNode, T> read) {
        List<T> all = new ArrayList<>();
        String query = "?limit=100";
        for (int page = 0; page < 1000; page++) {
            MarketplaceResponse response = call(user, operation, "GET", path + query, null);
            JsonNode body = response.json();
            for (JsonNode node : body.path(field)) {
                all.add(read.apply(node));
            }
            Optional<String> token = QueryStrings.parse(body.path("next").asText("")).stream()
                    .filter(p -> p.getKey().equals("continuation_token")).map(Map.Entry::getValue).findFirst();
            if (token.isEmpty() || body.path(field).isEmpty()) {
                return all;
            }
            query = "?limit=100&continuation_token=" + QueryStrings.encode(token.get());
        }
        return all;
    }

    /** The newest schema version that is not deprecated (versions compare as numbers, "1.10" after "1.9"). */
    static String schemaVersion(JsonNode payloads) {
        String best = null;
        for (JsonNode payload : payloads) {
            String version = payload.path("schemaVersion").asText("");
            if (!version.isEmpty() && !payload.path("deprecated").asBoolean(false)
                    && (best == null || compareVersions(version, best) > 0)) {
                best = version;
            }
        }
        return best;
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l = i < left.length ? parse(left[i]) : 0;
            int r = i < right.length ? parse(right[i]) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String destination(String name, String endpoint, String verificationToken) {
        ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("status", "ENABLED");
        body.putObject("deliveryConfig").put("endpoint", endpoint).put("verificationToken", verificationToken);
        return Json.write(body);
    }

    private static ObjectNode subscription(String schemaVersion, String destinationId) {
        ObjectNode body = Json.mapper().createObjectNode().put("status", "ENABLED").put("destinationId", destinationId);
        body.putObject("payload").put("format", "JSON").put("schemaVersion", schemaVersion)
                .put("deliveryProtocol", "HTTPS");
        return body;
    }

    /** eBay answers 201 with the new resource in {@code Location}; its last path segment is the id. */
    private static String idFrom(MarketplaceResponse response) {
        String location = response.header("Location")
                .orElseThrow(() -> response.malformed("a 201 without a Location header", null));
        String path = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

package io.nexusconnect.sims.ebay.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Notification API's resources: the topics eBay offers, the destinations each application registered, and the
 * subscriptions of applications (application topics) and of sellers through an application (user topics). Thread-safe.
 */
public final class NotificationState {

    /** A topic as getTopics shows it; {@code scope} APPLICATION or USER decides which token subscribes. */
    public record Topic(String topicId, String description, String context, String scope, List<String> authorizationScopes,
                        String schemaVersion) {
        public boolean userScoped() {
            return "USER".equals(scope);
        }
    }

    /** A destination of one application: an endpoint and the token its challenge answer is hashed with. */
    public record Destination(String destinationId, String clientId, String name, String status, String endpoint,
                              String verificationToken) {
        public boolean enabled() {
            return "ENABLED".equals(status);
        }
    }

    /**
     * A subscription, owned by an application ({@code userId} null, application topics) or by one seller of it.
     */
    public record Subscription(String subscriptionId, String clientId, String userId, String topicId, String status,
                               String schemaVersion, String destinationId, Instant creationDate) {
        public boolean enabled() {
            return "ENABLED".equals(status);
        }

        Subscription with(String newStatus, String newDestinationId, String newSchemaVersion) {
            return new Subscription(subscriptionId, clientId, userId, topicId, newStatus, newSchemaVersion,
                    newDestinationId, creationDate);
        }
    }

    public static final String ORDER_CONFIRMATION = "ORDER_CONFIRMATION";
    public static final String MARKETPLACE_ACCOUNT_DELETION = "MARKETPLACE_ACCOUNT_DELETION";
    public static final String AUTHORIZATION_REVOCATION = "AUTHORIZATION_REVOCATION";

    /**
     * The topics offered (reference §2.4, the release notes and the asyncapi contracts cited in BEHAVIOR-ebay.md). The
     * schema versions and the user topics' authorization scope are **Uncertain**: not on the captured pages.
     */
    static final List<Topic> TOPICS = List.of(
            new Topic(ORDER_CONFIRMATION, "A buyer completed checkout; sent once per line item", "SELLER", "USER",
                    List.of("https://api.ebay.com/oauth/api_scope/commerce.notification.subscription"), "1.0"),
            new Topic("ITEM_MARKED_SHIPPED", "A line item was marked shipped", "SELLER", "USER",
                    List.of("https://api.ebay.com/oauth/api_scope/commerce.notification.subscription"), "1.0"),
            new Topic(MARKETPLACE_ACCOUNT_DELETION, "An eBay user asked for their account data to be deleted", "OTHER",
                    "APPLICATION", List.of("https://api.ebay.com/oauth/api_scope"), "1.0"),
            new Topic(AUTHORIZATION_REVOCATION, "A user revoked the application's authorization", "OTHER",
                    "APPLICATION", List.of("https://api.ebay.com/oauth/api_scope"), "1.0"));

    private final Map<String, Destination> destinations = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

    public Optional<Topic> topic(String topicId) {
        return TOPICS.stream().filter(t -> t.topicId().equals(topicId)).findFirst();
    }

    public List<Topic> topics() {
        return TOPICS;
    }

    public synchronized List<Destination> destinations(String clientId) {
        return destinations.values().stream().filter(d -> d.clientId().equals(clientId)).toList();
    }

    public synchronized List<Destination> destinations() {
        return List.copyOf(destinations.values());
    }

    public synchronized Optional<Destination> destination(String clientId, String destinationId) {
        return Optional.ofNullable(destinations.get(destinationId)).filter(d -> d.clientId().equals(clientId));
    }

    /** Another destination of the application with this endpoint (eBay allows one per endpoint). */
    synchronized Optional<Destination> withEndpoint(String clientId, String endpoint, String except) {
        return destinations.values().stream().filter(d -> d.clientId().equals(clientId)
                && d.endpoint().equals(endpoint) && !d.destinationId().equals(except)).findFirst();
    }

    synchronized Destination putDestination(Destination destination) {
        destinations.put(destination.destinationId(), destination);
        return destination;
    }

    synchronized boolean inUse(String destinationId) {
        return subscriptions.values().stream().anyMatch(s -> s.destinationId().equals(destinationId));
    }

    synchronized void removeDestination(String destinationId) {
        destinations.remove(destinationId);
    }

    /** The subscriptions a token sees: the application's own (application token) or the seller's (user token). */
    public synchronized List<Subscription> subscriptions(String clientId, String userId) {
        return subscriptions.values().stream().filter(s -> s.clientId().equals(clientId)
                && java.util.Objects.equals(s.userId(), userId)).toList();
    }

    public synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    synchronized Optional<Subscription> subscription(String clientId, String userId, String subscriptionId) {
        return Optional.ofNullable(subscriptions.get(subscriptionId)).filter(s -> s.clientId().equals(clientId)
                && java.util.Objects.equals(s.userId(), userId));
    }

    synchronized Subscription create(String clientId, String userId, String topicId, String status, String schemaVersion,
                                     String destinationId, Instant now) {
        Subscription created = new Subscription(UUID.randomUUID().toString(), clientId, userId, topicId, status,
                schemaVersion, destinationId, now);
        subscriptions.put(created.subscriptionId(), created);
        return created;
    }

    synchronized void update(Subscription subscription, String status, String destinationId, String schemaVersion) {
        subscriptions.put(subscription.subscriptionId(), subscription.with(status, destinationId, schemaVersion));
    }

    synchronized void removeSubscription(String subscriptionId) {
        subscriptions.remove(subscriptionId);
    }

    /**
     * Where a notification of {@code topicId} about seller {@code userId} goes: every enabled subscription of the
     * seller (user topics) or of the application {@code clientId} (application topics; null = every application),
     * to an enabled destination.
     */
    public synchronized List<Destination> recipients(String topicId, String clientId, String userId, boolean userTopic) {
        List<Destination> recipients = new ArrayList<>();
        for (Subscription s : subscriptions.values()) {
            boolean owner = userTopic ? userId.equals(s.userId())
                    : s.userId() == null && (clientId == null || clientId.equals(s.clientId()));
            Destination d = destinations.get(s.destinationId());
            if (owner && s.topicId().equals(topicId) && s.enabled() && d != null && d.enabled()) {
                recipients.add(d);
            }
        }
        return recipients;
    }
}

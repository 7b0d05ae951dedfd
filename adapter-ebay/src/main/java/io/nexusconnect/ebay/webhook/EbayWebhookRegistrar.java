package io.nexusconnect.ebay.webhook;

import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.webhook.registration.RegistrationContext;
import io.nexusconnect.adapterkit.webhook.registration.WebhookRegistrar;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.ebay.client.EbayAccount;
import io.nexusconnect.ebay.client.EbayApiClient;
import io.nexusconnect.ebay.config.EbayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Registers a connection's eBay notifications: one destination per connection at {@code callback.url()} with the
 * connection's {@code notificationVerificationToken} (created, or updated when the token rotated — eBay then checks the
 * endpoint's challenge answer again, which webhook-gateway gives with the new token), and the configured topics'
 * subscriptions on it ({@link SubscriptionPlan}). Unregistering deletes the subscriptions on the destination, then the
 * destination. Everything is reconciled from what eBay lists, so a repeat ends in the same place; the answer is what
 * eBay lists afterwards.
 */
@ApplicationScoped
public class EbayWebhookRegistrar implements WebhookRegistrar {
    static final String VERIFICATION_TOKEN = "notificationVerificationToken";
    private static final Logger LOG = Logger.getLogger(EbayWebhookRegistrar.class);

    private final EbayApiClient client;
    private final EbayConfig config;

    EbayWebhookRegistrar(EbayApiClient client, EbayConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.EBAY;
    }

    @Override
    public List<WebhookEndpoints.Endpoint> register(RegistrationContext context) {
        EbayAccount account = EbayAccount.of(context.connection(), context.credentials(), config);
        NotificationApi api = new NotificationApi(client, config.notifications(), account);
        String endpoint = context.callback().url();
        String token = context.credentials().find(VERIFICATION_TOKEN).map(s -> s.reveal()).orElseThrow(() ->
                new MarketplaceException(ErrorCode.INVALID_CREDENTIALS, "the connection has no " + VERIFICATION_TOKEN
                        + " to register eBay notifications with"));
        String destinationId = reconcileDestination(api, context, endpoint, token);
        List<NotificationApi.Topic> wanted = wantedTopics(api);
        List<NotificationApi.Subscription> existing = subscriptions(api);
        SubscriptionPlan plan = SubscriptionPlan.register(wanted, existing, destinationId);
        Map<String, NotificationApi.Topic> byId = wanted.stream()
                .collect(Collectors.toMap(NotificationApi.Topic::topicId, Function.identity()));
        plan.create().forEach(topic -> api.createSubscription(topic, destinationId));
        plan.enable().forEach(api::enableSubscription);
        plan.move().forEach(s -> api.moveSubscription(s, byId.get(s.topicId()), destinationId));
        plan.delete().forEach(api::deleteSubscription);
        List<NotificationApi.Subscription> after = plan.isEmpty() ? existing : subscriptions(api);
        LOG.infof("eBay notifications of connection %s: destination %s, %d created, %d enabled, %d moved, %d deleted",
                context.connection().connectionId(), destinationId, plan.create().size(), plan.enable().size(),
                plan.move().size(), plan.delete().size());
        return after.stream().filter(s -> s.destinationId().equals(destinationId))
                .map(s -> new WebhookEndpoints.Endpoint(s.topicId(), endpoint, s.subscriptionId(), s.status()))
                .toList();
    }

    @Override
    public void unregister(RegistrationContext context) {
        EbayAccount account = EbayAccount.of(context.connection(), context.credentials(), config);
        NotificationApi api = new NotificationApi(client, config.notifications(), account);
        Optional<NotificationApi.Destination> destination = api.destinationFor(context.callback().url());
        if (destination.isEmpty()) {
            return;
        }
        String destinationId = destination.get().destinationId();
        List<NotificationApi.Subscription> existing = new ArrayList<>(api.subscriptions(false));
        try {
            existing.addAll(api.subscriptions(true));
        } catch (MarketplaceException e) {
            if (e.isTransient()) {
                throw e;
            }
            // a seller who revoked consent has no user token any more; eBay answers the destination's deletion
            LOG.infof("connection %s: the seller's subscriptions cannot be listed (%s); deleting the destination",
                    context.connection().connectionId(), e.code().json());
        }
        SubscriptionPlan.unregister(existing, destinationId).delete().forEach(api::deleteSubscription);
        api.deleteDestination(destinationId);
    }

    /** The connection's destination with the current token: created, or updated when eBay holds another one. */
    private String reconcileDestination(NotificationApi api, RegistrationContext context, String endpoint, String token) {
        String name = "nexus-" + context.connection().connectionId();
        Optional<NotificationApi.Destination> current = api.destinationFor(endpoint);
        if (current.isEmpty()) {
            return api.createDestination(name, endpoint, token);
        }
        NotificationApi.Destination destination = current.get();
        if (!destination.verificationToken().equals(token) || !"ENABLED".equals(destination.status())) {
            api.updateDestination(destination.destinationId(), name, endpoint, token);
        }
        return destination.destinationId();
    }

    private List<NotificationApi.Topic> wantedTopics(NotificationApi api) {
        Map<String, NotificationApi.Topic> offered = api.topics().stream()
                .collect(Collectors.toMap(NotificationApi.Topic::topicId, Function.identity(), (a, b) -> a));
        List<NotificationApi.Topic> wanted = new ArrayList<>();
        for (String topicId : config.notifications().topics()) {
            NotificationApi.Topic topic = offered.get(topicId);
            if (topic == null || topic.schemaVersion() == null) {
                // a configuration eBay does not support: permanent (an HTTP status makes INTERNAL so)
                throw new MarketplaceException(ErrorCode.INTERNAL, "eBay offers no topic " + topicId
                        + " with a supported schema (nexus.ebay.notifications.topics)", 404, null, null, null, null);
            }
            wanted.add(topic);
        }
        return wanted;
    }

    /** The application's subscriptions and the seller's. */
    private static List<NotificationApi.Subscription> subscriptions(NotificationApi api) {
        List<NotificationApi.Subscription> all = new ArrayList<>(api.subscriptions(false));
        all.addAll(api.subscriptions(true));
        return all;
    }
}

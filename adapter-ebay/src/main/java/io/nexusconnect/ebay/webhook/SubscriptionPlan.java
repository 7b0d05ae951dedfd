package io.nexusconnect.ebay.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What registering changes at eBay, decided from what eBay lists (pure; no I/O). For each wanted topic: a subscription
 * on the connection's destination is kept (enabled if it was disabled); a seller's subscription of the topic on another
 * destination is moved to this one (eBay keeps one subscription per topic and schema for a seller — the latest
 * registration of the same seller and keyset wins, **Decision**); an application subscription elsewhere is left alone
 * (application topics are one per keyset and report on every seller); otherwise one is created. Subscriptions on the
 * connection's destination to topics no longer wanted are deleted.
 */
record SubscriptionPlan(List<NotificationApi.Topic> create, List<NotificationApi.Subscription> enable,
                        List<NotificationApi.Subscription> move, List<NotificationApi.Subscription> delete) {

    static SubscriptionPlan register(List<NotificationApi.Topic> wanted, List<NotificationApi.Subscription> existing,
                                     String destinationId) {
        List<NotificationApi.Topic> create = new ArrayList<>();
        List<NotificationApi.Subscription> enable = new ArrayList<>();
        List<NotificationApi.Subscription> move = new ArrayList<>();
        for (NotificationApi.Topic topic : wanted) {
            List<NotificationApi.Subscription> same = existing.stream()
                    .filter(s -> s.topicId().equals(topic.topicId()) && s.userScoped() == topic.userScoped()).toList();
            var ours = same.stream().filter(s -> s.destinationId().equals(destinationId)).findFirst();
            if (ours.isPresent()) {
                if (!ours.get().enabled()) {
                    enable.add(ours.get());
                }
            } else if (same.isEmpty()) {
                create.add(topic);
            } else if (topic.userScoped()) {
                move.add(same.getFirst());
            }
        }
        Set<String> wantedIds = wanted.stream().map(NotificationApi.Topic::topicId).collect(Collectors.toSet());
        List<NotificationApi.Subscription> delete = existing.stream()
                .filter(s -> s.destinationId().equals(destinationId) && !wantedIds.contains(s.topicId())).toList();
        return new SubscriptionPlan(create, enable, move, delete);
    }

    /** Unregistering: every subscription on the connection's destination goes. */
    static SubscriptionPlan unregister(List<NotificationApi.Subscription> existing, String destinationId) {
        return new SubscriptionPlan(List.of(), List.of(), List.of(),
                existing.stream().filter(s -> s.destinationId().equals(destinationId)).toList());
    }

    boolean isEmpty() {
        return create.isEmpty() && enable.isEmpty() && move.isEmpty() && delete.isEmpty();
    }
}

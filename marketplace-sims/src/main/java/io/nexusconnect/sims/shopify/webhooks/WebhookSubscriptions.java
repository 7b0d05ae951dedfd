package io.nexusconnect.sims.shopify.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app's webhook subscriptions per shop. Creating one validates as Shopify does: an address is required, must be
 * an absolute URL (HTTPS at Shopify; the simulator also takes http so local receivers can listen) and is unique per
 * topic ("Address for this topic has already been taken"). Thread-safe (one lock).
 */
public final class WebhookSubscriptions {
    private final Map<String, Map<Long, SimSubscription>> byShop = new LinkedHashMap<>();
    private final AtomicLong numbers = new AtomicLong(1_300_000_000L);

    /** What {@code webhookSubscriptionCreate} answers: the subscription, or user errors (field path, message). */
    public record Created(SimSubscription subscription, List<UserError> userErrors) {
    }

    public record UserError(List<String> field, String message) {
    }

    public synchronized Created create(String shop, String topic, String uri, String format, String filter,
                                       List<String> includeFields, String name, String apiVersion, Instant now) {
        List<String> field = List.of("webhookSubscription", "uri");
        if (uri == null || uri.isBlank()) {
            return refused(field, "Address can't be blank");
        }
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            return refused(field, "Address is invalid");
        }
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            return refused(field, "Address is invalid");
        }
        if (!parsed.getScheme().equals("https") && !parsed.getScheme().equals("http")) {
            return refused(field, "Address protocol " + parsed.getScheme() + ":// is not supported");
        }
        Map<Long, SimSubscription> shopSubscriptions = byShop.computeIfAbsent(shop, k -> new LinkedHashMap<>());
        boolean taken = shopSubscriptions.values().stream()
                .anyMatch(s -> s.topic().equals(topic) && s.uri().equals(uri));
        if (taken) {
            return refused(field, "Address for this topic has already been taken");
        }
        SimSubscription created = new SimSubscription(numbers.incrementAndGet(), shop, topic, uri,
                format == null ? "JSON" : format, filter, includeFields, name, apiVersion, now);
        shopSubscriptions.put(created.number(), created);
        return new Created(created, List.of());
    }

    /** Deletes the shop's subscription; empty when the shop has none with that number. */
    public synchronized Optional<SimSubscription> delete(String shop, long number) {
        Map<Long, SimSubscription> shopSubscriptions = byShop.get(shop);
        return Optional.ofNullable(shopSubscriptions == null ? null : shopSubscriptions.remove(number));
    }

    public synchronized Optional<SimSubscription> get(String shop, long number) {
        Map<Long, SimSubscription> shopSubscriptions = byShop.get(shop);
        return Optional.ofNullable(shopSubscriptions == null ? null : shopSubscriptions.get(number));
    }

    /** The shop's subscriptions in creation order. */
    public synchronized List<SimSubscription> of(String shop) {
        return new ArrayList<>(byShop.getOrDefault(shop, Map.of()).values());
    }

    public synchronized List<SimSubscription> of(String shop, String topic) {
        return of(shop).stream().filter(s -> s.topic().equals(topic)).toList();
    }

    /** Removes every subscription of the shop (the app was uninstalled); answers them. */
    public synchronized List<SimSubscription> removeAll(String shop) {
        Map<Long, SimSubscription> removed = byShop.remove(shop);
        return removed == null ? List.of() : new ArrayList<>(removed.values());
    }

    private static Created refused(List<String> field, String message) {
        return new Created(null, List.of(new UserError(field, message)));
    }
}

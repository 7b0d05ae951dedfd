package io.nexusconnect.sims.shopify.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Fault rules by operation (the first root field of the GraphQL operation, e.g. {@code orders}, {@code shop},
 * {@code inventorySetQuantities}, or {@code *}); a request takes the oldest matching rule.
 */
public final class ShopifyFaults {
    public static final String ANY = "*";

    private record Rule(String operation, ShopifyFault fault, int[] remaining, boolean persistent) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public synchronized void inject(String operation, ShopifyFault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        rules.add(new Rule(operation, fault, new int[]{times}, false));
    }

    public void next(String operation, ShopifyFault fault) {
        inject(operation, fault, 1);
    }

    public synchronized void persistent(String operation, ShopifyFault fault) {
        rules.add(new Rule(operation, fault, new int[]{0}, true));
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized int active() {
        return rules.size();
    }

    synchronized Optional<ShopifyFault> take(String operation) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule rule = it.next();
            if (!ANY.equals(rule.operation()) && !rule.operation().equals(operation)) {
                continue;
            }
            if (!rule.persistent() && --rule.remaining()[0] == 0) {
                it.remove();
            }
            return Optional.of(rule.fault());
        }
        return Optional.empty();
    }
}

package io.nexusconnect.subscriber.state;

import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.alert.Alert;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.stock.StockLevel;

import java.time.Instant;
import java.util.Comparator;

/**
 * How new one version of a key's state is: first the marketplace's own change time ({@code updatedAt}), then when
 * nexus-connect observed it ({@code observedAt}), so a re-publication of an unchanged order (a later sync) is newer
 * than the copy it repeats but never newer than a real change. A missing time is older than any.
 */
public record Freshness(Instant updatedAt, Instant observedAt) implements Comparable<Freshness> {
    private static final Comparator<Instant> NULLS_OLDEST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Freshness> ORDER = Comparator.comparing(Freshness::updatedAt, NULLS_OLDEST)
            .thenComparing(Freshness::observedAt, NULLS_OLDEST);

    /** The freshness of a public event; inventory levels have no marketplace change time, only when seen. */
    public static Freshness of(NexusEvent event) {
        return switch (event) {
            case Order order -> new Freshness(order.updatedAt(), order.observedAt());
            case Product product -> new Freshness(product.updatedAt(), product.observedAt());
            case InventoryLevel level -> new Freshness(null, level.observedAt());
            case StockLevel level -> new Freshness(null, level.at());
            case Alert alert -> new Freshness(null, alert.raisedAt());
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a public event");
        };
    }

    @Override
    public int compareTo(Freshness other) {
        return ORDER.compare(this, other);
    }
}

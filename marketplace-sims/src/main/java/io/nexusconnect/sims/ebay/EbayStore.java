package io.nexusconnect.sims.ebay;

import io.nexusconnect.sims.ebay.model.EbayOrder;
import io.nexusconnect.sims.ebay.model.InventoryRecord;
import io.nexusconnect.sims.ebay.seed.EbaySeeder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The demo seller's orders and inventory; every change is stamped with the clock. Thread-safe. */
public final class EbayStore {
    private final Clock clock;
    private final EbaySeeder seeder;
    private final List<EbayOrder> orders = new ArrayList<>();
    private final Map<String, InventoryRecord> items = new LinkedHashMap<>();

    EbayStore(Clock clock, EbaySeeder seeder, List<InventoryRecord> items, List<EbayOrder> orders) {
        this.clock = clock;
        this.seeder = seeder;
        items.forEach(i -> this.items.put(i.sku(), i));
        this.orders.addAll(orders);
    }

    /** eBay's timestamps have millisecond precision. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Every order, oldest creation first. */
    public synchronized List<EbayOrder> orders() {
        return List.copyOf(orders);
    }

    public synchronized Optional<EbayOrder> order(String orderId) {
        return orders.stream().filter(o -> o.orderId().equals(orderId)).findFirst();
    }

    public synchronized List<InventoryRecord> items() {
        return List.copyOf(items.values());
    }

    public synchronized Optional<InventoryRecord> item(String sku) {
        return Optional.ofNullable(items.get(sku));
    }

    /** A new order placed now: one line per SKU with the given units. */
    public synchronized EbayOrder addOrder(Map<String, Integer> skuQuantities) {
        List<InventoryRecord> lineItems = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        skuQuantities.forEach((sku, units) -> {
            lineItems.add(item(sku).orElseThrow(() -> new NoSuchElementException("no item " + sku)));
            quantities.add(units);
        });
        EbayOrder order = seeder.order(now(), lineItems, quantities);
        orders.add(order);
        orders.sort(Comparator.comparing(EbayOrder::creationDate).thenComparing(EbayOrder::orderId));
        return order;
    }

    /** Changes an order; its lastModifiedDate becomes now. */
    public synchronized EbayOrder updateOrder(String orderId, String fulfillment, String payment, String cancel) {
        return replaceOrder(orderId, o -> o.modified(now(), fulfillment, payment, cancel));
    }

    public synchronized EbayOrder replaceOrder(String orderId, UnaryOperator<EbayOrder> change) {
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).orderId().equals(orderId)) {
                EbayOrder changed = change.apply(orders.get(i));
                orders.set(i, changed);
                return changed;
            }
        }
        throw new NoSuchElementException("no order " + orderId);
    }

    public synchronized InventoryRecord setQuantity(String sku, int quantity) {
        return replaceItem(sku, i -> i.withQuantity(quantity, now()));
    }

    public synchronized InventoryRecord setPrice(String sku, BigDecimal price) {
        return replaceItem(sku, i -> i.withPrice(price, now()));
    }

    public synchronized InventoryRecord replaceItem(String sku, UnaryOperator<InventoryRecord> change) {
        InventoryRecord current = item(sku).orElseThrow(() -> new NoSuchElementException("no item " + sku));
        InventoryRecord changed = change.apply(current);
        items.put(sku, changed);
        return changed;
    }
}

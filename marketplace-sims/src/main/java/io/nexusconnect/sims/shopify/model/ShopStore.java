package io.nexusconnect.sims.shopify.model;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** One shop's data: locations, products with variants and stock, orders. Thread-safe (one lock). */
public final class ShopStore {
    private final SimShop shop;
    private final Clock clock;
    private final List<SimLocation> locations;
    private final Map<Long, SimProduct> products = new LinkedHashMap<>();
    private final Map<Long, SimVariant> variantsByInventoryItem = new LinkedHashMap<>();
    private final Map<Long, SimVariant> variants = new LinkedHashMap<>();
    private final Map<Long, SimOrder> orders = new LinkedHashMap<>();
    private final AtomicLong numbers;

    public ShopStore(SimShop shop, Clock clock, List<SimLocation> locations, List<SimProduct> products,
                     List<SimOrder> orders, long nextNumber) {
        this.shop = shop;
        this.clock = clock;
        this.locations = List.copyOf(locations);
        for (SimProduct p : products) {
            this.products.put(p.number(), p);
            for (SimVariant v : p.variants()) {
                variants.put(v.number(), v);
                variantsByInventoryItem.put(v.inventoryItemNumber(), v);
            }
        }
        orders.forEach(o -> this.orders.put(o.number(), o));
        this.numbers = new AtomicLong(nextNumber);
    }

    public SimShop shop() {
        return shop;
    }

    public Clock clock() {
        return clock;
    }

    public List<SimLocation> locations() {
        return locations;
    }

    public Optional<SimLocation> location(long number) {
        return locations.stream().filter(l -> l.number() == number).findFirst();
    }

    public synchronized List<SimOrder> orders() {
        List<SimOrder> all = new ArrayList<>(orders.values());
        all.sort(Comparator.comparing(SimOrder::createdAt).thenComparingLong(SimOrder::number));
        return all;
    }

    public synchronized Optional<SimOrder> order(long number) {
        return Optional.ofNullable(orders.get(number));
    }

    public synchronized List<SimProduct> products() {
        return List.copyOf(products.values());
    }

    public synchronized Optional<SimProduct> product(long number) {
        return Optional.ofNullable(products.get(number));
    }

    public synchronized Optional<SimVariant> variant(long number) {
        return Optional.ofNullable(variants.get(number));
    }

    public synchronized Optional<SimVariant> variantByInventoryItem(long number) {
        return Optional.ofNullable(variantsByInventoryItem.get(number));
    }

    public synchronized Optional<SimVariant> variantBySku(String sku) {
        return variants.values().stream().filter(v -> sku.equals(v.sku())).findFirst();
    }

    public long nextNumber() {
        return numbers.incrementAndGet();
    }

    /** Adds or replaces an order. */
    public synchronized SimOrder put(SimOrder order) {
        orders.put(order.number(), order);
        return order;
    }

    /** Runs a change of stock or products under the store's lock. */
    public synchronized <T> T locked(java.util.function.Supplier<T> change) {
        return change.get();
    }

    public Instant now() {
        return clock.instant();
    }
}

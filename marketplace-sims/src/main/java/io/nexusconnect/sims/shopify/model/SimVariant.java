package io.nexusconnect.sims.shopify.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * A product variant with its inventory item and the item's quantities per location ({@code available} and
 * {@code committed}; {@code on_hand} = available + committed). Mutable under the store's lock.
 */
public final class SimVariant {
    private final long number;
    private final long productNumber;
    private final long inventoryItemNumber;
    private final String sku;
    private final String title;
    private final BigDecimal price;
    private final Map<Long, int[]> quantitiesByLocation = new TreeMap<>();

    public SimVariant(long number, long productNumber, long inventoryItemNumber, String sku, String title,
                      BigDecimal price) {
        this.number = number;
        this.productNumber = productNumber;
        this.inventoryItemNumber = inventoryItemNumber;
        this.sku = sku;
        this.title = title;
        this.price = price;
    }

    public String id() {
        return Gid.of("ProductVariant", number);
    }

    public long number() {
        return number;
    }

    public long productNumber() {
        return productNumber;
    }

    public long inventoryItemNumber() {
        return inventoryItemNumber;
    }

    public String inventoryItemId() {
        return Gid.of("InventoryItem", inventoryItemNumber);
    }

    public String sku() {
        return sku;
    }

    public String title() {
        return title;
    }

    public BigDecimal price() {
        return price;
    }

    /** Stocks the item at a location. */
    public void stock(long location, int available, int committed) {
        quantitiesByLocation.put(location, new int[]{available, committed});
    }

    public boolean stockedAt(long location) {
        return quantitiesByLocation.containsKey(location);
    }

    public Map<Long, int[]> levels() {
        return quantitiesByLocation;
    }

    /** The named quantity at a location ({@code available}, {@code committed}, {@code on_hand}), 0 when unknown. */
    public int quantity(long location, String name) {
        int[] q = quantitiesByLocation.get(location);
        if (q == null) {
            return 0;
        }
        return switch (name) {
            case "available" -> q[0];
            case "committed" -> q[1];
            case "on_hand" -> q[0] + q[1];
            default -> 0;
        };
    }

    /** Sets {@code available} (on_hand follows) or {@code on_hand} (available follows); returns the delta. */
    public int set(long location, String name, int quantity) {
        int[] q = quantitiesByLocation.get(location);
        int before = quantity(location, name);
        if ("available".equals(name)) {
            q[0] = quantity;
        } else {
            q[0] = quantity - q[1];
        }
        return quantity - before;
    }

    /** The sum of {@code available} over every location (ProductVariant.inventoryQuantity). */
    public int inventoryQuantity() {
        return quantitiesByLocation.values().stream().mapToInt(q -> q[0]).sum();
    }
}

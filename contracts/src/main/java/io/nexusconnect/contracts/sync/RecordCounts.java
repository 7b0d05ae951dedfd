package io.nexusconnect.contracts.sync;

/** Records published by a cycle so far, by kind. */
public record RecordCounts(long products, long orders, long inventory) {
    public static final RecordCounts ZERO = new RecordCounts(0, 0, 0);

    public RecordCounts plus(RecordCounts other) {
        return new RecordCounts(products + other.products, orders + other.orders, inventory + other.inventory);
    }

    public long total() {
        return products + orders + inventory;
    }
}

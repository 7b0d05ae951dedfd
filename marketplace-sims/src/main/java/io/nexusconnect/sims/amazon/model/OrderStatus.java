package io.nexusconnect.sims.amazon.model;

import java.util.Arrays;
import java.util.Optional;

/** The v0 {@code Order.OrderStatus} enum of ordersV0.json; {@link #wire()} is the spelling on the wire. */
public enum OrderStatus {
    PENDING_AVAILABILITY("PendingAvailability"),
    PENDING("Pending"),
    UNSHIPPED("Unshipped"),
    PARTIALLY_SHIPPED("PartiallyShipped"),
    SHIPPED("Shipped"),
    CANCELED("Canceled"),
    UNFULFILLABLE("Unfulfillable"),
    INVOICE_UNCONFIRMED("InvoiceUnconfirmed");

    private final String wire;

    OrderStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<OrderStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }

    /** Payment not yet authorized: the model says getOrderItems then omits prices, taxes and promotions. */
    public boolean paymentPending() {
        return this == PENDING || this == PENDING_AVAILABILITY;
    }
}

package io.nexusconnect.amazon.mapping;

import io.nexusconnect.contracts.normalized.OrderStatus;

/** Orders v0 {@code OrderStatus} to the normalized status. */
public final class AmazonOrderStatus {
    private AmazonOrderStatus() {
    }

    public static OrderStatus normalize(String amazonStatus) {
        if (amazonStatus == null) {
            return OrderStatus.UNKNOWN;
        }
        return switch (amazonStatus) {
            // PendingAvailability: a pre-order whose release date has not come; nothing can ship yet
            case "Pending", "PendingAvailability" -> OrderStatus.PENDING;
            case "Unshipped" -> OrderStatus.UNSHIPPED;
            case "PartiallyShipped" -> OrderStatus.PARTIALLY_SHIPPED;
            // InvoiceUnconfirmed: every item shipped, only the invoice confirmation is missing (China marketplace)
            case "Shipped", "InvoiceUnconfirmed" -> OrderStatus.SHIPPED;
            // "Cancelled": the spelling of Amazon's flat-file reports (order tracking report), same meaning
            case "Canceled", "Cancelled" -> OrderStatus.CANCELLED;
            case "Unfulfillable" -> OrderStatus.UNFULFILLABLE;
            default -> OrderStatus.UNKNOWN;
        };
    }
}

package io.nexusconnect.ebay.mapping;

import io.nexusconnect.contracts.normalized.OrderStatus;

/**
 * eBay has three order-level states (orderFulfillmentStatus, orderPaymentStatus, cancelStatus.cancelState); the
 * normalized status comes from all three, in this order (BEHAVIOR.md): a cancelled order is CANCELLED; a fully refunded
 * order that never shipped is CANCELLED; an unpaid one (PENDING, FAILED) is PENDING; else the fulfillment state
 * decides (NOT_STARTED → UNSHIPPED, IN_PROGRESS → PARTIALLY_SHIPPED, FULFILLED → SHIPPED).
 */
public final class EbayOrderStatus {
    private EbayOrderStatus() {
    }

    public static OrderStatus normalize(String fulfillment, String payment, String cancelState) {
        if ("CANCELED".equals(cancelState)) {
            return OrderStatus.CANCELLED;
        }
        if ("FULLY_REFUNDED".equals(payment) && !"FULFILLED".equals(fulfillment)) {
            return OrderStatus.CANCELLED;
        }
        if ("PENDING".equals(payment) || "FAILED".equals(payment)) {
            return OrderStatus.PENDING;
        }
        if (fulfillment == null) {
            return OrderStatus.UNKNOWN;
        }
        return switch (fulfillment) {
            case "NOT_STARTED" -> OrderStatus.UNSHIPPED;
            case "IN_PROGRESS" -> OrderStatus.PARTIALLY_SHIPPED;
            case "FULFILLED" -> OrderStatus.SHIPPED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    /** The marketplace's own words, kept on the order: {@code FULFILLED/PAID}, {@code NOT_STARTED/PAID/CANCELED}. */
    public static String marketplaceStatus(String fulfillment, String payment, String cancelState) {
        String status = fulfillment + "/" + payment;
        return cancelState == null || "NONE_REQUESTED".equals(cancelState) ? status : status + "/" + cancelState;
    }
}

package io.nexusconnect.sims.shopify.model;

/** A location stock is kept at. */
public record SimLocation(long number, String name, boolean isActive, boolean fulfillsOnlineOrders) {
    public String id() {
        return Gid.of("Location", number);
    }
}

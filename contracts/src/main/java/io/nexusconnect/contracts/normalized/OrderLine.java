package io.nexusconnect.contracts.normalized;

/**
 * One line of an order. {@code lineTotal} is what the buyer pays for the whole line (Amazon's ItemPrice is already
 * the line total); {@code unitPrice} is derived from it.
 */
public record OrderLine(
        String lineId,
        String sku,
        String marketplaceProductId,
        String title,
        int quantity,
        int quantityShipped,
        Money unitPrice,
        Money lineTotal,
        Money tax,
        Money shipping,
        Money discount) {
}

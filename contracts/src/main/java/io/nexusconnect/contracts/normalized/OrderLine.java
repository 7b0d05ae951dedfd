package io.nexusconnect.contracts.normalized;

/**
 * One line of an order. {@code lineTotal} is what the buyer pays for the whole line (Amazon's ItemPrice is already
 * the line total); {@code unitPrice} is derived from it.
 *
 * @param lineId the line's key within its order, the same whichever way an adapter read the order; a new record of
 *               the order replaces all its lines. Amazon: the seller SKU ({@code #n} appended to the n-th repeat),
 *               because its order reports carry no OrderItemId (adapter-amazon BEHAVIOR.md).
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

package io.nexusconnect.adapterkit.stock;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The SPI of stock push: sets the quantities of one {@link SetStock} on the marketplace. Implementations return the
 * items the marketplace refused for good (validation issues, unknown SKU) and throw
 * {@link io.nexusconnect.adapterkit.errors.MarketplaceException} when the call as a whole failed (throttled after
 * retries, marketplace down, credentials refused); the kit decides from its code whether to retry the command.
 * Setting an absolute quantity is idempotent, so a command may be applied more than once.
 */
public interface StockWriter {
    Marketplace marketplace();

    List<Rejection> setStock(ConnectionSnapshot connection, ConnectionCredentials credentials, List<SetStock.Item> items);

    /**
     * One quantity per SKU, in the order the SKUs first appear: the last one of the command wins, as it would if the
     * items were applied in order.
     */
    static Map<String, Integer> lastQuantityPerSku(List<SetStock.Item> items) {
        return lastQuantityPerSku(items, sku -> sku);
    }

    /** As {@link #lastQuantityPerSku(List)}, with SKUs keyed as the marketplace compares them (e.g. trimmed). */
    static Map<String, Integer> lastQuantityPerSku(List<SetStock.Item> items, UnaryOperator<String> skuKey) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        items.forEach(item -> quantities.put(skuKey.apply(item.sku()), item.quantity()));
        return quantities;
    }

    /**
     * One item the marketplace will not take, with its answer. The reason must come from the marketplace's answer,
     * never from the request, so it cannot carry credentials.
     */
    record Rejection(String sku, String reason) {
    }
}

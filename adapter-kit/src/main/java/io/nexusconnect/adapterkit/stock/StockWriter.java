package io.nexusconnect.adapterkit.stock;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;

import java.util.List;

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
     * One item the marketplace will not take, with its answer. The reason must come from the marketplace's answer,
     * never from the request, so it cannot carry credentials.
     */
    record Rejection(String sku, String reason) {
    }
}

package io.nexusconnect.adapterkit.skeleton;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.stock.StockWriter;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Sets quantities one SKU at a time; an item the marketplace refuses (4xx) is a rejection, the rest still go. */
@ApplicationScoped
public class ExampleStockWriter implements StockWriter {
    private final ExampleApi api;

    public ExampleStockWriter(ExampleApi api) {
        this.api = api;
    }

    @Override
    public Marketplace marketplace() {
        return ExampleSyncCycle.MARKETPLACE;
    }

    @Override
    public List<Rejection> setStock(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                    List<SetStock.Item> items) {
        List<Rejection> rejections = new ArrayList<>();
        for (SetStock.Item item : items) {
            try {
                api.putStock(credentials, item.sku(), item.quantity());
            } catch (MarketplaceException e) {
                if (!refusesItem(e)) {
                    throw e;
                }
                rejections.add(new Rejection(item.sku(), e.rawResponse()));
            }
        }
        return rejections;
    }

    /** What the marketplace says about this item alone; anything else (auth, throttling, outage) fails the command. */
    private static boolean refusesItem(MarketplaceException e) {
        Integer status = e.httpStatus();
        return status != null && (status == 400 || status == 404 || status == 422);
    }
}

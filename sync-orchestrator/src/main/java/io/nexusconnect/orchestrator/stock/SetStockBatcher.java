package io.nexusconnect.orchestrator.stock;

import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns the pushes of one step into SetStock commands: the SKUs of one connection go in commands of up to the
 * marketplace's bulk limit ({@link io.nexusconnect.contracts.Marketplace#stockBatchLimit()}: eBay 25, bol.com 1 as it
 * has no bulk stock endpoint) and never more than {@link #MAX_ITEMS}. A later push for the same connection and SKU in the
 * same step replaces the earlier one.
 */
public final class SetStockBatcher {
    /** The most items one SetStock carries, whatever the marketplace's bulk endpoint takes, to keep records small. */
    public static final int MAX_ITEMS = 100;

    private SetStockBatcher() {
    }

    public static List<SetStock> batch(List<StockFanOut.Push> pushes, Function<UUID, Optional<ConnectionSnapshot>> connections,
                                       Instant now) {
        Map<UUID, Map<String, SetStock.Item>> perConnection = new LinkedHashMap<>();
        for (StockFanOut.Push push : pushes) {
            perConnection.computeIfAbsent(push.connectionId(), id -> new LinkedHashMap<>())
                    .put(push.sku(), new SetStock.Item(push.sku(), push.quantity(), push.available(), push.bufferPercent()));
        }
        List<SetStock> commands = new ArrayList<>();
        perConnection.forEach((connectionId, items) -> connections.apply(connectionId).ifPresent(connection -> {
            List<SetStock.Item> all = List.copyOf(items.values());
            int size = Math.min(MAX_ITEMS, connection.marketplace().stockBatchLimit());
            for (int from = 0; from < all.size(); from += size) {
                commands.add(new SetStock(UUID.randomUUID(), connectionId, connection.tenantId(), connection.marketplace(),
                        all.subList(from, Math.min(all.size(), from + size)), now, connection));
            }
        }));
        return commands;
    }
}

package io.nexusconnect.walmart.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.walmart.client.WalmartAccount;
import io.nexusconnect.walmart.client.WalmartApiClient;
import io.nexusconnect.walmart.mapping.ItemMapper;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every item of getAllItems as a product with its listing-health verdict, paged with {@code nextCursor} (first
 * {@code *}, then what Walmart answers) to the end.
 */
final class ItemsStep {
    private final WalmartApiClient api;
    private final CycleContext context;
    private final WalmartAccount account;
    private final int pageSize;

    ItemsStep(WalmartApiClient api, CycleContext context, WalmartAccount account, int pageSize) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.pageSize = Math.max(1, pageSize);
    }

    Map<String, String> run(RecordSink sink) {
        String cursor = "*";
        Set<String> seen = new HashSet<>();
        while (cursor != null) {
            MarketplaceResponse response = api.getItems(account, cursor, pageSize);
            JsonNode items = response.json().path("ItemResponse");
            if (!items.isArray()) {
                throw response.malformed("a page without ItemResponse", null);
            }
            for (JsonNode item : items) {
                try {
                    sink.product(ItemMapper.toProduct(item, account.connectionId(), account.tenantId(),
                            account.currencyOverride(), context.syncId(), context.clock().instant()));
                } catch (IllegalArgumentException e) {
                    throw response.malformed("an item that cannot be read (" + e.getMessage() + ")", e);
                }
            }
            sink.pageCompleted(SyncScope.PRODUCTS);
            String next = response.json().path("nextCursor").asText("");
            cursor = items.isEmpty() || next.isBlank() || !seen.add(next) ? null : next;
        }
        return Map.of();
    }
}

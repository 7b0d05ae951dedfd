package io.nexusconnect.adapterkit.skeleton;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.paging.Cursors;
import io.nexusconnect.adapterkit.paging.Paging;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.SyncCycle;
import io.nexusconnect.adapterkit.sync.SyncStep;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.sync.SyncScope;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One step per scope; each reads pages, publishes records, reports every page and returns its next cursor. */
@ApplicationScoped
public class ExampleSyncCycle implements SyncCycle {
    static final Marketplace MARKETPLACE = Marketplace.WALMART;
    static final String CURSOR = "inventory.updatedAfter";

    private final ExampleApi api;

    public ExampleSyncCycle(ExampleApi api) {
        this.api = api;
    }

    @Override
    public Marketplace marketplace() {
        return MARKETPLACE;
    }

    @Override
    public List<SyncStep> steps(CycleContext context) {
        return List.of(new SyncStep("inventory", Set.of(SyncScope.INVENTORY), sink -> {
            Instant until = context.clock().instant();
            Instant after = Cursors.instantOr(context, CURSOR, until.minus(context.lookback().duration()));
            Paging.offsets(100).forEach(page -> api.offers(context.credentials(), after, page), page -> {
                for (JsonNode offer : page.items()) {
                    sink.inventory(new InventoryLevel(context.connection().connectionId(), context.connection().tenantId(),
                            MARKETPLACE, offer.path("sku").asText(), offer.path("amount").asInt(),
                            InventoryLevel.SELLER_FULFILLED, context.syncId(), until, null));
                }
                sink.pageCompleted(SyncScope.INVENTORY);
            });
            return Map.of(CURSOR, until.toString());
        }));
    }
}

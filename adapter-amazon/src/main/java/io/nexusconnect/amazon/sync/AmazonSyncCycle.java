package io.nexusconnect.amazon.sync;

import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.SyncCycle;
import io.nexusconnect.adapterkit.sync.SyncStep;
import io.nexusconnect.amazon.auth.LwaClient;
import io.nexusconnect.amazon.client.AmazonAccount;
import io.nexusconnect.amazon.client.SpApiClient;
import io.nexusconnect.amazon.config.AmazonConfig;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.SyncScope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Amazon's cycle: an "orders" step (Orders v0) and a "listings" step (products and inventory from Listings Items). */
@ApplicationScoped
public class AmazonSyncCycle implements SyncCycle {
    private final SpApiClient api;
    private final LwaClient lwa;
    private final AmazonConfig config;

    AmazonSyncCycle(SpApiClient api, LwaClient lwa, AmazonConfig config) {
        this.api = api;
        this.lwa = lwa;
        this.config = config;
    }

    /** Reconnect = trade the refresh token again instead of trusting a cached access token (see BEHAVIOR.md). */
    @Override
    public void reconnect(CycleContext context) {
        lwa.forget(AmazonAccount.of(context.connection(), context.credentials(), config));
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.AMAZON;
    }

    @Override
    public List<SyncStep> steps(CycleContext context) {
        AmazonAccount account = AmazonAccount.of(context.connection(), context.credentials(), config);
        List<SyncStep> steps = new ArrayList<>();
        if (context.wants(SyncScope.ORDERS)) {
            OrdersStep orders = new OrdersStep(api, context, account, config.orders().lagGuard(), config.orders().pageSize(),
                    config.orders().windowSlice());
            steps.add(new SyncStep("orders", Set.of(SyncScope.ORDERS), orders::run));
        }
        Set<SyncScope> listingScopes = EnumSet.noneOf(SyncScope.class);
        for (SyncScope scope : List.of(SyncScope.PRODUCTS, SyncScope.INVENTORY)) {
            if (context.wants(scope)) {
                listingScopes.add(scope);
            }
        }
        if (!listingScopes.isEmpty()) {
            ListingsStep listings = new ListingsStep(api, context, account, config.orders().lagGuard(),
                    config.listings().pageSize());
            steps.add(new SyncStep("listings", listingScopes, listings::run));
        }
        return steps;
    }
}

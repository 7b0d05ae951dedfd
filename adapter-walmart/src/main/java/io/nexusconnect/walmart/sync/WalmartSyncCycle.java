package io.nexusconnect.walmart.sync;

import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.SyncCycle;
import io.nexusconnect.adapterkit.sync.SyncStep;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.walmart.client.WalmartAccount;
import io.nexusconnect.walmart.client.WalmartApiClient;
import io.nexusconnect.walmart.config.WalmartConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Walmart's cycle: an "orders" step (read, then acknowledge new orders) and an "items" step (products). */
@ApplicationScoped
public class WalmartSyncCycle implements SyncCycle {
    private final WalmartApiClient api;
    private final WalmartConfig config;

    WalmartSyncCycle(WalmartApiClient api, WalmartConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.WALMART;
    }

    /** Reconnect = ask for a new token instead of trusting a cached one. */
    @Override
    public void reconnect(CycleContext context) {
        api.forgetToken(WalmartAccount.of(context.connection(), context.credentials()));
    }

    @Override
    public List<SyncStep> steps(CycleContext context) {
        WalmartAccount account = WalmartAccount.of(context.connection(), context.credentials());
        List<SyncStep> steps = new ArrayList<>();
        if (context.wants(SyncScope.ORDERS)) {
            OrdersStep orders = new OrdersStep(api, context, account, config.orders());
            steps.add(new SyncStep("orders", Set.of(SyncScope.ORDERS), orders::run));
        }
        if (context.wants(SyncScope.PRODUCTS)) {
            ItemsStep items = new ItemsStep(api, context, account, config.inventory().pageSize());
            steps.add(new SyncStep("items", Set.of(SyncScope.PRODUCTS), items::run));
        }
        return steps;
    }
}

package io.nexusconnect.ebay.sync;

import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.SyncCycle;
import io.nexusconnect.adapterkit.sync.SyncStep;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.ebay.client.EbayAccount;
import io.nexusconnect.ebay.client.EbayApiClient;
import io.nexusconnect.ebay.config.EbayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** eBay's cycle: an "orders" step (Fulfillment getOrders) and a "listings" step (Inventory items and offers). */
@ApplicationScoped
public class EbaySyncCycle implements SyncCycle {
    private final EbayApiClient api;
    private final EbayConfig config;

    EbaySyncCycle(EbayApiClient api, EbayConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.EBAY;
    }

    /** Reconnect = trade the refresh token again instead of trusting a cached access token. */
    @Override
    public void reconnect(CycleContext context) {
        api.forgetToken(EbayAccount.of(context.connection(), context.credentials(), config));
    }

    @Override
    public List<SyncStep> steps(CycleContext context) {
        EbayAccount account = EbayAccount.of(context.connection(), context.credentials(), config);
        List<SyncStep> steps = new ArrayList<>();
        if (context.wants(SyncScope.ORDERS)) {
            OrdersStep orders = new OrdersStep(api, context, account, config.orders());
            steps.add(new SyncStep("orders", Set.of(SyncScope.ORDERS), orders::run));
        }
        Set<SyncScope> listingScopes = EnumSet.noneOf(SyncScope.class);
        for (SyncScope scope : List.of(SyncScope.PRODUCTS, SyncScope.INVENTORY)) {
            if (context.wants(scope)) {
                listingScopes.add(scope);
            }
        }
        if (!listingScopes.isEmpty()) {
            ListingsStep listings = new ListingsStep(api, context, account, config.inventory().pageSize());
            steps.add(new SyncStep("listings", listingScopes, listings::run));
        }
        return steps;
    }
}

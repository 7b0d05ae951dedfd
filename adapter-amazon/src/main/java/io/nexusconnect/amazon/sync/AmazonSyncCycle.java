package io.nexusconnect.amazon.sync;

import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.SyncCycle;
import io.nexusconnect.adapterkit.sync.SyncStep;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.amazon.auth.LwaClient;
import io.nexusconnect.amazon.client.AmazonAccount;
import io.nexusconnect.amazon.client.SpApiClient;
import io.nexusconnect.amazon.config.AmazonConfig;
import io.nexusconnect.amazon.reports.ReportDocuments;
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
    private final Sleeper sleeper;
    private final double speedFactor;
    private final ReportDocuments reportDocuments;

    AmazonSyncCycle(SpApiClient api, LwaClient lwa, AmazonConfig config, MarketplaceApis apis, Sleeper sleeper) {
        this.api = api;
        this.lwa = lwa;
        this.config = config;
        this.sleeper = sleeper;
        this.speedFactor = apis.settings(SpApiClient.API).speedFactor();
        this.reportDocuments = new ReportDocuments(apis.settings(SpApiClient.API).requestTimeout());
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
            ReportBackfill reports = new ReportBackfill(api, reportDocuments, context, account, config.reports(), sleeper,
                    speedFactor);
            OrdersStep orders = new OrdersStep(api, context, account, config.orders(), config.reports(), reports);
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

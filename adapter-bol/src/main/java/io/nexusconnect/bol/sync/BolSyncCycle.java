package io.nexusconnect.bol.sync;

import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.SyncCycle;
import io.nexusconnect.adapterkit.sync.SyncStep;
import io.nexusconnect.bol.client.BolAccount;
import io.nexusconnect.bol.client.BolApiClient;
import io.nexusconnect.bol.config.BolConfig;
import io.nexusconnect.bol.offers.OfferCatalogue;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.SyncScope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** bol's cycle: an "orders" step (open orders with detail) and an "offers" step (products by the offer export). */
@ApplicationScoped
public class BolSyncCycle implements SyncCycle {
    private final BolApiClient api;
    private final OfferCatalogue catalogue;
    private final BolConfig config;

    BolSyncCycle(BolApiClient api, OfferCatalogue catalogue, BolConfig config) {
        this.api = api;
        this.catalogue = catalogue;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.BOL;
    }

    /** Reconnect = ask for a new token instead of trusting a cached one. */
    @Override
    public void reconnect(CycleContext context) {
        api.forgetToken(BolAccount.of(context.connection(), context.credentials()));
    }

    @Override
    public List<SyncStep> steps(CycleContext context) {
        BolAccount account = BolAccount.of(context.connection(), context.credentials());
        List<SyncStep> steps = new ArrayList<>();
        if (context.wants(SyncScope.ORDERS)) {
            OrdersStep orders = new OrdersStep(api, context, account, config);
            steps.add(new SyncStep("orders", Set.of(SyncScope.ORDERS), orders::run));
        }
        if (context.wants(SyncScope.PRODUCTS)) {
            OffersStep offers = new OffersStep(catalogue, context, account);
            steps.add(new SyncStep("offers", Set.of(SyncScope.PRODUCTS), offers::run));
        }
        return steps;
    }
}

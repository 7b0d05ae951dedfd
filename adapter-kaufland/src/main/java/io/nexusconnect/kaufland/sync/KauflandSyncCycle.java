package io.nexusconnect.kaufland.sync;

import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.SyncCycle;
import io.nexusconnect.adapterkit.sync.SyncStep;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.kaufland.client.KauflandAccount;
import io.nexusconnect.kaufland.client.KauflandApiClient;
import io.nexusconnect.kaufland.config.KauflandConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Kaufland's cycle: an "orders" step (order units grouped by order) and a "units" step (products and stock). */
@ApplicationScoped
public class KauflandSyncCycle implements SyncCycle {
    private final KauflandApiClient api;
    private final KauflandConfig config;

    KauflandSyncCycle(KauflandApiClient api, KauflandConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.KAUFLAND;
    }

    @Override
    public List<SyncStep> steps(CycleContext context) {
        KauflandAccount account = KauflandAccount.of(context.connection(), context.credentials(), config);
        int pageSize = Math.max(1, Math.min(100, config.pageSize()));
        List<SyncStep> steps = new ArrayList<>();
        if (context.wants(SyncScope.ORDERS)) {
            OrdersStep orders = new OrdersStep(api, context, account, pageSize);
            steps.add(new SyncStep("orders", Set.of(SyncScope.ORDERS), orders::run));
        }
        Set<SyncScope> unitScopes = EnumSet.noneOf(SyncScope.class);
        for (SyncScope scope : List.of(SyncScope.PRODUCTS, SyncScope.INVENTORY)) {
            if (context.wants(scope)) {
                unitScopes.add(scope);
            }
        }
        if (!unitScopes.isEmpty()) {
            UnitsStep units = new UnitsStep(api, context, account, pageSize);
            steps.add(new SyncStep("units", unitScopes, units::run));
        }
        return steps;
    }
}

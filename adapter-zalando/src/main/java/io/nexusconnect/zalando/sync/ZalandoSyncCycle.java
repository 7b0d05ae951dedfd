package io.nexusconnect.zalando.sync;

import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.SyncCycle;
import io.nexusconnect.adapterkit.sync.SyncStep;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.zalando.client.ZalandoAccount;
import io.nexusconnect.zalando.client.ZalandoApiClient;
import io.nexusconnect.zalando.config.ZalandoConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Zalando's cycle: one "orders" step (import the unexported orders, then export them). */
@ApplicationScoped
public class ZalandoSyncCycle implements SyncCycle {
    private final ZalandoApiClient api;
    private final ZalandoConfig config;

    ZalandoSyncCycle(ZalandoApiClient api, ZalandoConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.ZALANDO;
    }

    /** Reconnect = ask for a new token instead of trusting a cached one. */
    @Override
    public void reconnect(CycleContext context) {
        api.forgetToken(ZalandoAccount.of(context.connection(), context.credentials()));
    }

    @Override
    public List<SyncStep> steps(CycleContext context) {
        ZalandoAccount account = ZalandoAccount.of(context.connection(), context.credentials());
        List<SyncStep> steps = new ArrayList<>();
        if (context.wants(SyncScope.ORDERS)) {
            OrdersStep orders = new OrdersStep(api, context, account, config.orders());
            steps.add(new SyncStep("orders", Set.of(SyncScope.ORDERS), orders::run));
        }
        return steps;
    }
}

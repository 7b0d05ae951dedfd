package io.nexusconnect.shopify.sync;

import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.SyncCycle;
import io.nexusconnect.adapterkit.sync.SyncStep;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.shopify.client.AdminApiClient;
import io.nexusconnect.shopify.client.ShopifyAccount;
import io.nexusconnect.shopify.config.ShopifyConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Shopify's cycle: an "orders" step and a "products" step (products, variants and their stock). */
@ApplicationScoped
public class ShopifySyncCycle implements SyncCycle {
    private final AdminApiClient api;
    private final ShopifyConfig config;

    ShopifySyncCycle(AdminApiClient api, ShopifyConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.SHOPIFY;
    }

    @Override
    public List<SyncStep> steps(CycleContext context) {
        ShopifyAccount account = ShopifyAccount.of(context.connection(), context.credentials(), config);
        List<SyncStep> steps = new ArrayList<>();
        if (context.wants(SyncScope.ORDERS)) {
            OrdersStep orders = new OrdersStep(api, context, account, config);
            steps.add(new SyncStep("orders", Set.of(SyncScope.ORDERS), orders::run));
        }
        Set<SyncScope> productScopes = EnumSet.noneOf(SyncScope.class);
        for (SyncScope scope : List.of(SyncScope.PRODUCTS, SyncScope.INVENTORY)) {
            if (context.wants(scope)) {
                productScopes.add(scope);
            }
        }
        if (!productScopes.isEmpty()) {
            ProductsStep products = new ProductsStep(api, context, account, config);
            steps.add(new SyncStep("products", productScopes, products::run));
        }
        return steps;
    }
}

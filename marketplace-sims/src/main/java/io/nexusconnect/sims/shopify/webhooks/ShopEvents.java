package io.nexusconnect.sims.shopify.webhooks;

import io.nexusconnect.sims.shopify.model.ShopStore;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.model.SimVariant;
import io.nexusconnect.sims.shopify.seed.ShopSeeder;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What happens in the shop's admin and makes Shopify push: an order placed ({@code orders/create}), an order changed
 * ({@code orders/updated}), the app uninstalled ({@code app/uninstalled}: the access token is revoked at once, so the
 * Admin API answers 401, and the app's subscriptions are removed after that last delivery is triggered). Each change
 * is one event: its deliveries share an {@code X-Shopify-Event-Id}.
 */
public final class ShopEvents {
    private final ShopStore store;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDispatcher dispatcher;
    private final Runnable revokeToken;
    private final Runnable restoreToken;
    private final AtomicBoolean installed = new AtomicBoolean(true);

    public ShopEvents(ShopStore store, WebhookSubscriptions subscriptions, WebhookDispatcher dispatcher,
                      Runnable revokeToken, Runnable restoreToken) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
        this.revokeToken = revokeToken;
        this.restoreToken = restoreToken;
    }

    /** Places an order of {@code skuQuantities} (the first variant once when empty), the first line discounted. */
    public SimOrder createOrder(Map<String, Integer> skuQuantities, BigDecimal discount) {
        Map<String, Integer> lines = new LinkedHashMap<>(skuQuantities);
        if (lines.isEmpty()) {
            SimVariant first = store.products().getFirst().variants().getFirst();
            lines.put(first.sku(), 1);
        }
        SimOrder order = ShopSeeder.fixedOrder(store, lines, discount == null ? BigDecimal.ZERO : discount);
        push(Topics.ORDERS_CREATE, OrderPayloads.order(order, store));
        return order;
    }

    /** Changes an order's statuses (null keeps one) and cancels it when asked; {@code updated_at} becomes now. */
    public SimOrder updateOrder(long number, String financialStatus, String fulfillmentStatus, boolean cancel) {
        SimOrder current = store.order(number).orElseThrow(() -> new NoSuchElementException("no order " + number));
        SimOrder changed = store.put(current.withStatus(
                financialStatus == null ? current.financialStatus() : financialStatus,
                fulfillmentStatus == null ? current.fulfillmentStatus() : fulfillmentStatus,
                cancel ? store.now() : current.cancelledAt(), store.now()));
        push(Topics.ORDERS_UPDATED, OrderPayloads.order(changed, store));
        return changed;
    }

    /** Uninstalls the app: token revoked, {@code app/uninstalled} pushed, subscriptions gone. */
    public List<WebhookDispatcher.Delivery> uninstallApp() {
        String shop = store.shop().myshopifyDomain();
        List<SimSubscription> last = subscriptions.of(shop, Topics.APP_UNINSTALLED);
        revokeToken.run();
        installed.set(false);
        subscriptions.removeAll(shop);
        return dispatcher.trigger(last, OrderPayloads.shop(store));
    }

    /** Installs the app again with the same access token (the simulator's demo token is fixed). */
    public void reinstallApp() {
        restoreToken.run();
        installed.set(true);
    }

    public boolean installed() {
        return installed.get();
    }

    private List<WebhookDispatcher.Delivery> push(String topic, byte[] body) {
        return dispatcher.trigger(subscriptions.of(store.shop().myshopifyDomain(), topic), body);
    }
}

package io.nexusconnect.shopify.testing;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.testing.ConnectionTester;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.shopify.client.AdminApiClient;
import io.nexusconnect.shopify.client.ShopInfo;
import io.nexusconnect.shopify.client.ShopifyAccount;
import io.nexusconnect.shopify.config.ShopifyConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test Connection with the {@code shop} and {@code locations} queries (cost 2 + 52): proves the shop domain, the access
 * token and the stock location, and names the shop for the card.
 */
@ApplicationScoped
public class ShopifyConnectionTester implements ConnectionTester {
    private final AdminApiClient api;
    private final ShopifyConfig config;

    ShopifyConnectionTester(AdminApiClient api, ShopifyConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.SHOPIFY;
    }

    @Override
    public Verdict test(ConnectionSnapshot connection, ConnectionCredentials credentials) {
        ShopInfo shop = ShopInfo.read(api, ShopifyAccount.of(connection, credentials, config));
        return new Verdict("Shopify", shop.name());
    }
}

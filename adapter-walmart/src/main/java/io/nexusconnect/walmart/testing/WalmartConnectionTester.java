package io.nexusconnect.walmart.testing;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.testing.ConnectionTester;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.walmart.client.WalmartAccount;
import io.nexusconnect.walmart.client.WalmartApiClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test Connection with one item ({@code GET /v3/items?limit=1}): it proves the client id and secret (a token) and
 * that the token reads the seller's catalogue. The Marketplace APIs have no seller-profile call (BEHAVIOR.md), so
 * the seller is named by the connection's label.
 */
@ApplicationScoped
public class WalmartConnectionTester implements ConnectionTester {
    private final WalmartApiClient api;

    WalmartConnectionTester(WalmartApiClient api) {
        this.api = api;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.WALMART;
    }

    @Override
    public Verdict test(ConnectionSnapshot connection, ConnectionCredentials credentials) {
        WalmartAccount account = WalmartAccount.of(connection, credentials);
        MarketplaceResponse response = api.getItems(account, "*", 1);
        if (!response.json().path("ItemResponse").isArray()) {
            throw response.malformed("an items page without ItemResponse", null);
        }
        String label = connection.label();
        return new Verdict("Walmart US", label == null || label.isBlank() ? "Walmart seller" : label);
    }
}

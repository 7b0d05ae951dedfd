package io.nexusconnect.bol.testing;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.testing.ConnectionTester;
import io.nexusconnect.bol.client.BolAccount;
import io.nexusconnect.bol.client.BolApiClient;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test Connection with the first page of open FBR orders: v10 has no ping, and the retailer call needs a retailer
 * id the credentials do not carry (BEHAVIOR.md). It proves the client id and secret (a token), the v10 media type and
 * that the token reads the retailer's orders.
 */
@ApplicationScoped
public class BolConnectionTester implements ConnectionTester {
    private final BolApiClient api;

    BolConnectionTester(BolApiClient api) {
        this.api = api;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.BOL;
    }

    @Override
    public Verdict test(ConnectionSnapshot connection, ConnectionCredentials credentials) {
        MarketplaceResponse response = api.getOrders(BolAccount.of(connection, credentials), "FBR", 1);
        if (!response.json().path("orders").isArray() && !response.json().path("orders").isMissingNode()) {
            throw response.malformed("an orders page whose orders is not a list", null);
        }
        String label = connection.label();
        return new Verdict("bol.com", label == null || label.isBlank() ? "bol.com retailer" : label);
    }
}

package io.nexusconnect.kaufland.testing;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.testing.ConnectionTester;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.kaufland.client.KauflandAccount;
import io.nexusconnect.kaufland.client.KauflandApiClient;
import io.nexusconnect.kaufland.config.KauflandConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test Connection: {@code GET /status/ping} (the API answers), then {@code GET /units?limit=1} per storefront, which
 * proves the keys (every call is signed) and that the seller has each storefront configured. The Seller API v2 has
 * no seller-profile endpoint in the spec, so the verdict names the storefronts, not a seller.
 */
@ApplicationScoped
public class KauflandConnectionTester implements ConnectionTester {
    private final KauflandApiClient api;
    private final KauflandConfig config;

    KauflandConnectionTester(KauflandApiClient api, KauflandConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.KAUFLAND;
    }

    @Override
    public Verdict test(ConnectionSnapshot connection, ConnectionCredentials credentials) {
        KauflandAccount account = KauflandAccount.of(connection, credentials, config);
        MarketplaceResponse ping = api.ping(account);
        if (ping.json().path("data").path("message").isMissingNode()) {
            throw ping.malformed("a ping without data.message", null);
        }
        for (String storefront : account.storefronts()) {
            api.getUnits(account, q -> q.query("storefront", storefront).query("limit", "1"));
        }
        return new Verdict("Kaufland " + String.join(", ", account.storefronts().stream()
                .map(KauflandAccount::salesChannel).toList()), null);
    }
}

package io.nexusconnect.zalando.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.testing.ConnectionTester;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.zalando.client.ZalandoAccount;
import io.nexusconnect.zalando.client.ZalandoApiClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test Connection with {@code GET /auth/me}: it proves the client id and secret (a token) and, when zDirect lists
 * the merchants the app may act for, that the connection's merchant id is among them; then one order page of size 1
 * proves the Orders API scope.
 */
@ApplicationScoped
public class ZalandoConnectionTester implements ConnectionTester {
    private final ZalandoApiClient api;

    ZalandoConnectionTester(ZalandoApiClient api) {
        this.api = api;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.ZALANDO;
    }

    @Override
    public Verdict test(ConnectionSnapshot connection, ConnectionCredentials credentials) {
        ZalandoAccount account = ZalandoAccount.of(connection, credentials);
        MarketplaceResponse me = api.me(account);
        JsonNode merchants = me.json().path("bpids");
        if (merchants.isArray() && !merchants.isEmpty()) {
            boolean listed = false;
            for (JsonNode id : merchants) {
                listed |= id.asText().equalsIgnoreCase(account.merchantId());
            }
            if (!listed) {
                throw new MarketplaceException(ErrorCode.SCOPE_MISSING, "the app may not act for merchant "
                        + account.merchantId() + " (zDirect lists " + merchants.size() + " other merchant(s))");
            }
        }
        MarketplaceResponse orders = api.getOrders(account, "page_size=1&page_number=0");
        if (!orders.json().path("data").isArray()) {
            throw orders.malformed("an orders document without data", null);
        }
        String name = me.json().path("merchant_name").asText("");
        String label = connection.label();
        return new Verdict("Zalando zDirect", !name.isBlank() ? name
                : label == null || label.isBlank() ? "Zalando merchant " + account.merchantId() : label);
    }
}

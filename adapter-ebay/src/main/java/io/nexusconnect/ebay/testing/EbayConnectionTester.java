package io.nexusconnect.ebay.testing;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.testing.ConnectionTester;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.ebay.client.EbayAccount;
import io.nexusconnect.ebay.client.EbayApiClient;
import io.nexusconnect.ebay.client.model.EbayUser;
import io.nexusconnect.ebay.config.EbayConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test Connection with the Identity API's getUser: it proves the keys, the refresh token and the consented scopes
 * (the refresh asks for all of them) and names the seller — the business name, else the person, else the user name.
 */
@ApplicationScoped
public class EbayConnectionTester implements ConnectionTester {
    private final EbayApiClient api;
    private final EbayConfig config;

    EbayConnectionTester(EbayApiClient api, EbayConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.EBAY;
    }

    @Override
    public Verdict test(ConnectionSnapshot connection, ConnectionCredentials credentials) {
        EbayAccount account = EbayAccount.of(connection, credentials, config);
        MarketplaceResponse response = api.getUser(account);
        EbayUser user = response.json(EbayUser.class);
        if ("ACCOUNTONHOLD".equals(user.status())) {
            throw new MarketplaceException(ErrorCode.ACCOUNT_SUSPENDED, "the eBay account is on hold",
                    response.status(), response.body(), response.requestId().orElse(null), null, null);
        }
        String name = user.businessAccount() != null && notBlank(user.businessAccount().name())
                ? user.businessAccount().name()
                : user.individualAccount() != null && notBlank(user.individualAccount().firstName())
                ? (user.individualAccount().firstName() + " " + nullToEmpty(user.individualAccount().lastName())).trim()
                : user.username();
        if (!notBlank(name)) {
            throw response.malformed("a user without a name", null);
        }
        return new Verdict(account.siteName(), name);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

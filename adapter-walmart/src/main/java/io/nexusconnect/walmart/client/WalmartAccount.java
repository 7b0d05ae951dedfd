package io.nexusconnect.walmart.client;

import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Grant;
import io.nexusconnect.adapterkit.auth.oauth2.TokenAccount;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;

import java.util.UUID;

/**
 * One connection as Walmart sees it: the seller's client id and secret (OAuth 2.0 client credentials) and whether
 * new orders are acknowledged ({@code acknowledgeOrders} property, default true).
 *
 * @param rateKey the account key of the HTTP client (buckets, circuit breaker); the credential fingerprint
 */
public record WalmartAccount(UUID connectionId, String tenantId, String rateKey, OAuth2Grant.ClientCredentials grant,
                             boolean acknowledgeOrders, String currencyOverride)
        implements TokenAccount {

    public static WalmartAccount of(ConnectionSnapshot connection, ConnectionCredentials credentials) {
        String scheme = credentials.find("authScheme").map(s -> s.reveal()).orElse("oauth");
        if (!"oauth".equalsIgnoreCase(scheme)) {
            throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS, "Walmart US takes OAuth 2.0 client"
                    + " credentials only; the legacy signature scheme (consumer id and private key) is not supported");
        }
        OAuth2Grant.ClientCredentials grant = new OAuth2Grant.ClientCredentials(credentials.require("clientId"),
                credentials.require("clientSecret"), null);
        String acknowledge = connection.property("acknowledgeOrders");
        String currency = connection.settings() == null ? null : connection.settings().currency();
        return new WalmartAccount(connection.connectionId(), connection.tenantId(), credentials.fingerprint(), grant,
                acknowledge == null || acknowledge.isBlank() || Boolean.parseBoolean(acknowledge.trim()),
                currency == null || currency.isBlank() ? null : currency);
    }

    @Override
    public String toString() {
        return "WalmartAccount[" + connectionId + "]";
    }
}

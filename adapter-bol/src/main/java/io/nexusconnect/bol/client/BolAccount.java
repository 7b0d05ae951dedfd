package io.nexusconnect.bol.client;

import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Grant;
import io.nexusconnect.adapterkit.auth.oauth2.TokenAccount;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;

import java.util.UUID;

/**
 * One connection as bol sees it: the retailer's API client id and secret (client credentials).
 *
 * @param rateKey the account key of the HTTP client (buckets, circuit breaker); the credential fingerprint
 */
public record BolAccount(UUID connectionId, String tenantId, String rateKey, OAuth2Grant.ClientCredentials grant)
        implements TokenAccount {

    public static BolAccount of(ConnectionSnapshot connection, ConnectionCredentials credentials) {
        return new BolAccount(connection.connectionId(), connection.tenantId(), credentials.fingerprint(),
                new OAuth2Grant.ClientCredentials(credentials.require("clientId"),
                        credentials.require("clientSecret"), null));
    }

    @Override
    public String toString() {
        return "BolAccount[" + connectionId + "]";
    }
}

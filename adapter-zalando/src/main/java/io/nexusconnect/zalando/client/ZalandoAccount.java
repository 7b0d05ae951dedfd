package io.nexusconnect.zalando.client;

import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Grant;
import io.nexusconnect.adapterkit.auth.oauth2.TokenAccount;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One connection as zDirect sees it: the app's client id and secret (OAuth 2.0 client credentials, scope
 * {@code access_token_only}), the merchant id every path carries, and the sales channels stock is set in
 * ({@code salesChannelIds} property, comma-separated: zDirect expects a stock change in every channel).
 *
 * @param rateKey the account key of the HTTP client (buckets, circuit breaker); the credential fingerprint
 */
public record ZalandoAccount(UUID connectionId, String tenantId, String rateKey, OAuth2Grant.ClientCredentials grant,
                             String merchantId, List<String> salesChannelIds)
        implements TokenAccount {
    static final String SCOPE = "access_token_only";

    public static ZalandoAccount of(ConnectionSnapshot connection, ConnectionCredentials credentials) {
        String merchantId = connection.property("merchantId");
        if (merchantId == null || merchantId.isBlank()) {
            merchantId = connection.accountId();
        }
        if (merchantId == null || merchantId.isBlank()) {
            throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS,
                    "a Zalando connection needs the merchant id (merchantId)");
        }
        String channels = connection.property("salesChannelIds");
        List<String> salesChannels = channels == null ? List.of() : Arrays.stream(channels.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new ZalandoAccount(connection.connectionId(), connection.tenantId(), credentials.fingerprint(),
                new OAuth2Grant.ClientCredentials(credentials.require("clientId"), credentials.require("clientSecret"),
                        SCOPE), merchantId.trim(), salesChannels);
    }

    @Override
    public String toString() {
        return "ZalandoAccount[" + connectionId + ", merchant " + merchantId + "]";
    }
}

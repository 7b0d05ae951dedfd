package io.nexusconnect.amazon.testing;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.testing.ConnectionTester;
import io.nexusconnect.amazon.client.AmazonAccount;
import io.nexusconnect.amazon.client.SpApiClient;
import io.nexusconnect.amazon.client.SpApiPayload;
import io.nexusconnect.amazon.client.model.MarketplaceParticipation;
import io.nexusconnect.amazon.config.AmazonConfig;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;

/**
 * Test Connection with getMarketplaceParticipations: it proves the LWA credentials, the Sellers role and that the
 * seller participates in the connection's marketplace, and names it ("Amazon US") and the store.
 */
@ApplicationScoped
public class AmazonConnectionTester implements ConnectionTester {
    private final SpApiClient api;
    private final AmazonConfig config;

    AmazonConnectionTester(SpApiClient api, AmazonConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.AMAZON;
    }

    @Override
    public Verdict test(ConnectionSnapshot connection, ConnectionCredentials credentials) {
        AmazonAccount account = AmazonAccount.of(connection, credentials, config);
        MarketplaceResponse response = api.getMarketplaceParticipations(account);
        List<MarketplaceParticipation> participations = Arrays.asList(
                SpApiPayload.payload(response, MarketplaceParticipation[].class));
        MarketplaceParticipation match = participations.stream()
                .filter(p -> p.marketplace() != null && account.marketplaceIds().contains(p.marketplace().id()))
                .findFirst()
                .orElseThrow(() -> new MarketplaceException(ErrorCode.SCOPE_MISSING,
                        "the seller does not participate in " + account.marketplaceIds(), response.status(),
                        response.body(), response.requestId().orElse(null), null, null));
        if (match.participation() != null && Boolean.FALSE.equals(match.participation().isParticipating())) {
            throw new MarketplaceException(ErrorCode.ACCOUNT_SUSPENDED, "the seller account is not active on "
                    + match.marketplace().id(), response.status(), response.body(), response.requestId().orElse(null),
                    null, null);
        }
        String country = match.marketplace().countryCode();
        return new Verdict("Amazon " + (country == null ? match.marketplace().id() : country), match.storeName());
    }
}

package io.nexusconnect.adapterkit.testing;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;

/**
 * The SPI of Test Connection: one cheap, authenticated marketplace call. Throw
 * {@link io.nexusconnect.adapterkit.errors.MarketplaceException} for a classified failure.
 */
public interface ConnectionTester {
    Marketplace marketplace();

    Verdict test(ConnectionSnapshot connection, ConnectionCredentials credentials);

    /** What the seller sees on success: the marketplace's name for the account ("Amazon US") and the seller name. */
    record Verdict(String marketplaceName, String sellerName) {
    }
}

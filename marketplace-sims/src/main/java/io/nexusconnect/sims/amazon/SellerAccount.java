package io.nexusconnect.sims.amazon;

import io.nexusconnect.sims.amazon.model.Marketplace;

import java.util.Objects;

/**
 * A selling partner that authorized the application {@code lwaClientId}; {@code refreshToken} is what that
 * authorization produced. The seller sells in one marketplace, which also decides order and listing currency.
 */
public record SellerAccount(String sellingPartnerId, String sellerName, String marketplaceId, String region,
                            String lwaClientId, String refreshToken) {
    public SellerAccount {
        Objects.requireNonNull(sellingPartnerId, "sellingPartnerId");
        Objects.requireNonNull(sellerName, "sellerName");
        Objects.requireNonNull(lwaClientId, "lwaClientId");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Marketplace marketplace = Marketplace.require(marketplaceId);
        if (!marketplace.region().equals(region)) {
            throw new IllegalArgumentException("marketplace " + marketplaceId + " is in region " + marketplace.region());
        }
    }

    public Marketplace marketplace() {
        return Marketplace.require(marketplaceId);
    }

    @Override
    public String toString() {
        return "SellerAccount[sellingPartnerId=" + sellingPartnerId + ", sellerName=" + sellerName + ", marketplaceId="
                + marketplaceId + ", region=" + region + ", lwaClientId=" + lwaClientId + ", refreshToken=***]";
    }
}

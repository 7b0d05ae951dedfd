package io.nexusconnect.amazon.client.model;

/** Sellers API {@code MarketplaceParticipation}. */
public record MarketplaceParticipation(Marketplace marketplace, Participation participation, String storeName) {
    public record Marketplace(String id, String name, String countryCode, String defaultCurrencyCode,
                              String defaultLanguageCode, String domainName) {
    }

    public record Participation(Boolean isParticipating, Boolean hasSuspendedListings) {
    }
}

package io.nexusconnect.contracts.connection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Amazon marketplace ids with their SP-API region, country code and currency (SP-API "Marketplace IDs" table). The
 * region decides the endpoint host; a connection's marketplace ids must all belong to its region.
 */
public final class AmazonMarketplaces {
    public record AmazonMarketplace(String id, String region, String countryCode, String currency, String domain) {
    }

    public static final List<AmazonMarketplace> ALL = List.of(
            new AmazonMarketplace("A2EUQ1WTGCTBG2", "NA", "CA", "CAD", "amazon.ca"),
            new AmazonMarketplace("ATVPDKIKX0DER", "NA", "US", "USD", "amazon.com"),
            new AmazonMarketplace("A1AM78C64UM0Y8", "NA", "MX", "MXN", "amazon.com.mx"),
            new AmazonMarketplace("A2Q3Y263D00KWC", "NA", "BR", "BRL", "amazon.com.br"),
            new AmazonMarketplace("A1RKKUPIHCS9HS", "EU", "ES", "EUR", "amazon.es"),
            new AmazonMarketplace("A1F83G8C2ARO7P", "EU", "UK", "GBP", "amazon.co.uk"),
            new AmazonMarketplace("A13V1IB3VIYZZH", "EU", "FR", "EUR", "amazon.fr"),
            new AmazonMarketplace("AMEN7PMS3EDWL", "EU", "BE", "EUR", "amazon.com.be"),
            new AmazonMarketplace("A1805IZSGTT6HS", "EU", "NL", "EUR", "amazon.nl"),
            new AmazonMarketplace("A1PA6795UKMFR9", "EU", "DE", "EUR", "amazon.de"),
            new AmazonMarketplace("APJ6JRA9NG5V4", "EU", "IT", "EUR", "amazon.it"),
            new AmazonMarketplace("A2NODRKZP88ZB9", "EU", "SE", "SEK", "amazon.se"),
            new AmazonMarketplace("AE08WJ6YKNBMC", "EU", "ZA", "ZAR", "amazon.co.za"),
            new AmazonMarketplace("A1C3SOZRARQ6R3", "EU", "PL", "PLN", "amazon.pl"),
            new AmazonMarketplace("ARBP9OOSHTCHU", "EU", "EG", "EGP", "amazon.eg"),
            new AmazonMarketplace("A33AVAJ2PDY3EV", "EU", "TR", "TRY", "amazon.com.tr"),
            new AmazonMarketplace("A17E79C6D8DWNP", "EU", "SA", "SAR", "amazon.sa"),
            new AmazonMarketplace("A2VIGQ35RCS4UG", "EU", "AE", "AED", "amazon.ae"),
            new AmazonMarketplace("A21TJRUUN4KGV", "EU", "IN", "INR", "amazon.in"),
            new AmazonMarketplace("A19VAU5U5O7RUS", "FE", "SG", "SGD", "amazon.sg"),
            new AmazonMarketplace("A39IBJ37TRP1C6", "FE", "AU", "AUD", "amazon.com.au"),
            new AmazonMarketplace("A1VC38T7YXB528", "FE", "JP", "JPY", "amazon.co.jp"));

    private static final Map<String, AmazonMarketplace> BY_ID =
            ALL.stream().collect(Collectors.toUnmodifiableMap(AmazonMarketplace::id, m -> m));

    private AmazonMarketplaces() {
    }

    public static Optional<AmazonMarketplace> find(String marketplaceId) {
        return Optional.ofNullable(BY_ID.get(marketplaceId));
    }

    public static List<String> ids() {
        return ALL.stream().map(AmazonMarketplace::id).toList();
    }
}

package io.nexusconnect.sims.amazon.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of the Sellers API {@code Marketplace} definition, for the marketplaces the simulator knows. The ids are
 * Amazon's public marketplace ids (developer-docs "Marketplace IDs"); {@code salesChannel} is the v0 Order field.
 */
public record Marketplace(String id, String name, String countryCode, String defaultCurrencyCode,
                          String defaultLanguageCode, String domainName, String region) {

    public static final List<Marketplace> ALL = List.of(
            new Marketplace("ATVPDKIKX0DER", "Amazon.com", "US", "USD", "en_US", "www.amazon.com", "NA"),
            new Marketplace("A2EUQ1WTGCTBG2", "Amazon.ca", "CA", "CAD", "en_CA", "www.amazon.ca", "NA"),
            new Marketplace("A1AM78C64UM0Y8", "Amazon.com.mx", "MX", "MXN", "es_MX", "www.amazon.com.mx", "NA"),
            new Marketplace("A2Q3Y263D00KWC", "Amazon.com.br", "BR", "BRL", "pt_BR", "www.amazon.com.br", "NA"),
            new Marketplace("A1F83G8C2ARO7P", "Amazon.co.uk", "GB", "GBP", "en_GB", "www.amazon.co.uk", "EU"),
            new Marketplace("A1PA6795UKMFR9", "Amazon.de", "DE", "EUR", "de_DE", "www.amazon.de", "EU"),
            new Marketplace("A13V1IB3VIYZZH", "Amazon.fr", "FR", "EUR", "fr_FR", "www.amazon.fr", "EU"),
            new Marketplace("APJ6JRA9NG5V4", "Amazon.it", "IT", "EUR", "it_IT", "www.amazon.it", "EU"),
            new Marketplace("A1RKKUPIHCS9HS", "Amazon.es", "ES", "EUR", "es_ES", "www.amazon.es", "EU"),
            new Marketplace("A1VC38T7YXB528", "Amazon.co.jp", "JP", "JPY", "ja_JP", "www.amazon.co.jp", "FE"));

    private static final Map<String, Marketplace> BY_ID =
            ALL.stream().collect(Collectors.toMap(Marketplace::id, Function.identity()));

    public static Optional<Marketplace> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static Marketplace require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown marketplace id " + id));
    }

    public String salesChannel() {
        return name;
    }
}

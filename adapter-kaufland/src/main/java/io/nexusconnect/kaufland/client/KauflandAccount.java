package io.nexusconnect.kaufland.client;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.kaufland.config.KauflandConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * One connection as Kaufland sees it: the seller's client and secret key and the storefronts the connection covers
 * ({@code storefront}, plus the optional comma-separated {@code storefronts}).
 *
 * @param rateKey the account key of the HTTP client (rate limiter, circuit breaker, metrics): the credential
 *                fingerprint, so the limit is per seller
 */
public record KauflandAccount(UUID connectionId, String tenantId, List<String> storefronts, URI apiUrl,
                              String rateKey, KauflandSigner signer) {
    /** The spec's {@code Storefront} enum. */
    public static final Set<String> STOREFRONTS = Set.of("de", "at", "cz", "sk", "pl", "fr", "it");

    public static KauflandAccount of(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                     KauflandConfig config) {
        List<String> storefronts = storefronts(connection.property("storefront"), connection.property("storefronts"));
        String api = config.apiUrl().endsWith("/") ? config.apiUrl().substring(0, config.apiUrl().length() - 1)
                : config.apiUrl();
        return new KauflandAccount(connection.connectionId(), connection.tenantId(), storefronts, URI.create(api),
                credentials.fingerprint(), new KauflandSigner(credentials.require("clientKey").reveal(),
                credentials.require("secretKey").reveal()));
    }

    /** The primary storefront first, then the further ones, each once; an unknown one is a credential error. */
    static List<String> storefronts(String primary, String further) {
        List<String> result = new ArrayList<>();
        List<String> given = new ArrayList<>();
        given.add(primary == null || primary.isBlank() ? "de" : primary);
        if (further != null) {
            given.addAll(List.of(further.split(",")));
        }
        for (String raw : given) {
            String storefront = raw.trim().toLowerCase(Locale.ROOT);
            if (storefront.isEmpty()) {
                continue;
            }
            if (!STOREFRONTS.contains(storefront)) {
                throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS, "storefront " + storefront
                        + " is not a Kaufland storefront (one of " + String.join(", ", STOREFRONTS.stream().sorted()
                        .toList()) + ")");
            }
            if (!result.contains(storefront)) {
                result.add(storefront);
            }
        }
        return List.copyOf(result);
    }

    public URI api(String path) {
        return URI.create(apiUrl + path);
    }

    /** The sales channel records carry: {@code kaufland.de}, {@code kaufland.cz}, ... */
    public static String salesChannel(String storefront) {
        return "kaufland." + storefront.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "KauflandAccount[" + connectionId + ", " + storefronts + "]";
    }
}

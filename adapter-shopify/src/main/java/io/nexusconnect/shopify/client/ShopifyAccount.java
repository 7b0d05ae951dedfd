package io.nexusconnect.shopify.client;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.credentials.Secret;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.shopify.config.ShopifyConfig;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One connection as the Admin API sees it: the shop (its myshopify.com domain, checked against the allow-list so a
 * connection cannot send the token elsewhere), the Admin API access token, the pinned version and the location stock
 * is read and set at (the connection's {@code locationId}, else the shop's first active online location).
 *
 * @param rateKey the cost bucket's identity: Shopify limits per app and shop
 */
public record ShopifyAccount(UUID connectionId, String tenantId, String shopDomain, URI graphqlUrl, String rateKey,
                             Secret accessToken, String locationId, String currencyOverride) {

    public static ShopifyAccount of(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                    ShopifyConfig config) {
        String domain = shopDomain(connection);
        if (domain == null) {
            throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS, "the connection has no shopDomain");
        }
        if (!Pattern.compile(config.shopDomainPattern()).matcher(domain).matches()) {
            throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS,
                    "shop domain " + domain + " is not a myshopify.com shop domain");
        }
        String base = config.endpointOverride().filter(s -> !s.isBlank()).orElse("https://" + domain);
        URI url = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/admin/api/" + config.apiVersion() + "/graphql.json");
        String location = connection.property("locationId");
        if (location != null && !location.isBlank() && !location.startsWith("gid://")) {
            location = "gid://shopify/Location/" + location.trim();
        }
        String currency = connection.settings() == null ? null : connection.settings().currency();
        return new ShopifyAccount(connection.connectionId(), connection.tenantId(), domain, url, domain,
                credentials.require("adminApiAccessToken"), location == null || location.isBlank() ? null : location,
                currency == null || currency.isBlank() ? null : currency);
    }

    /** The connection's shop ({@code shopDomain}, else its account id), trimmed and lower-case; null if none. */
    public static String shopDomain(ConnectionSnapshot connection) {
        String domain = firstNonBlank(connection.property("shopDomain"), connection.accountId());
        return domain == null ? null : domain.trim().toLowerCase(Locale.ROOT);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    @Override
    public String toString() {
        return "ShopifyAccount[" + connectionId + ", " + shopDomain + ", " + graphqlUrl + "]";
    }
}

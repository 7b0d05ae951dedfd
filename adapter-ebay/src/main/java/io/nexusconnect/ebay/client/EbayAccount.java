package io.nexusconnect.ebay.client;

import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Grant;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.ebay.config.EbayConfig;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One connection as eBay sees it: the application's keys (App ID = client id, Cert ID = client secret), the seller's
 * refresh token, the marketplace (site) the adapter acts on, and the hosts of its environment (from configuration).
 *
 * @param rateKey  the account key of the HTTP client (circuit breaker, metrics); the credential fingerprint
 * @param tokenKey changes with the credentials, so a rotated credential never reuses a cached token
 */
public record EbayAccount(UUID connectionId, String tenantId, String marketplaceId, boolean sandbox, URI apiUrl,
                          URI identityUrl, String rateKey, String tokenKey, OAuth2Grant.RefreshToken grant,
                          String currencyOverride) {
    /** The site ids of MarketplaceIdEnum the Sell APIs serve (https://developer.ebay.com/api-docs/static/rest-request-components.html). */
    private static final Pattern MARKETPLACE_ID = Pattern.compile("EBAY_[A-Z_]{2,8}");
    public static final String DEFAULT_MARKETPLACE = "EBAY_US";

    public static EbayAccount of(ConnectionSnapshot connection, ConnectionCredentials credentials, EbayConfig config) {
        String marketplaceId = connection.property("marketplaceId");
        if (marketplaceId == null || marketplaceId.isBlank()) {
            marketplaceId = DEFAULT_MARKETPLACE;
        }
        marketplaceId = marketplaceId.trim().toUpperCase(Locale.ROOT);
        if (!MARKETPLACE_ID.matcher(marketplaceId).matches()) {
            throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS,
                    "marketplaceId " + marketplaceId + " is not an eBay marketplace id such as EBAY_US");
        }
        String environment = credentials.find("environment").map(s -> s.reveal())
                .orElse(connection.property("environment"));
        boolean sandbox = "sandbox".equalsIgnoreCase(environment);
        EbayConfig.Hosts hosts = sandbox ? config.sandbox() : config.production();
        URI api = URI.create(strip(hosts.apiUrl()));
        String currency = connection.settings() == null ? null : connection.settings().currency();
        OAuth2Grant.RefreshToken grant = new OAuth2Grant.RefreshToken(credentials.require("appId"),
                credentials.require("certId"), credentials.require("refreshToken"), config.scopes());
        return new EbayAccount(connection.connectionId(), connection.tenantId(), marketplaceId, sandbox, api,
                URI.create(strip(hosts.identityUrl())), credentials.fingerprint(), credentials.fingerprint(), grant,
                currency == null || currency.isBlank() ? null : currency);
    }

    public URI api(String pathAndQuery) {
        return URI.create(apiUrl + pathAndQuery);
    }

    public URI identity(String pathAndQuery) {
        return URI.create(identityUrl + pathAndQuery);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** "eBay US" for EBAY_US, "eBay MOTORS_US" for the rest. */
    public String siteName() {
        return "eBay " + marketplaceId.substring("EBAY_".length());
    }

    @Override
    public String toString() {
        return "EbayAccount[" + connectionId + ", " + marketplaceId + (sandbox ? ", sandbox" : "") + "]";
    }
}

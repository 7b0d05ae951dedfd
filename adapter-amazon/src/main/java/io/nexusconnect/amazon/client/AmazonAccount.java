package io.nexusconnect.amazon.client;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.credentials.Secret;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.amazon.config.AmazonConfig;
import io.nexusconnect.contracts.connection.AmazonMarketplaces;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One connection as the SP-API sees it: the selling partner, its marketplaces, the host of its region (production or
 * sandbox, from configuration only) and its LWA credentials.
 *
 * @param rateKey the usage-plan identity: SP-API meters per selling partner and application, so buckets are per seller
 *                and host
 */
public record AmazonAccount(UUID connectionId, String tenantId, String sellingPartnerId, List<String> marketplaceIds,
                            String region, URI host, String rateKey, String tokenKey, Secret clientId, Secret clientSecret,
                            Secret refreshToken, String currencyOverride) {

    public static AmazonAccount of(ConnectionSnapshot connection, ConnectionCredentials credentials, AmazonConfig config) {
        String sellingPartnerId = firstNonBlank(connection.property("sellingPartnerId"), connection.accountId());
        if (sellingPartnerId == null) {
            throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS, "the connection has no sellingPartnerId");
        }
        String ids = connection.property("marketplaceIds");
        if (ids == null || ids.isBlank()) {
            throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS, "the connection has no marketplaceIds");
        }
        List<String> marketplaceIds = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        String region = connection.property("region");
        if (region == null) {
            region = AmazonMarketplaces.find(marketplaceIds.getFirst()).map(AmazonMarketplaces.AmazonMarketplace::region)
                    .orElse("NA");
        }
        boolean sandbox = Boolean.parseBoolean(connection.property("sandbox"));
        URI host = URI.create(hostOf(config, region.toUpperCase(Locale.ROOT), sandbox));
        String currency = connection.settings() == null ? null : connection.settings().currency();
        return new AmazonAccount(connection.connectionId(), connection.tenantId(), sellingPartnerId, marketplaceIds,
                region, host, sellingPartnerId + "@" + host.getHost() + ":" + host.getPort(), credentials.fingerprint(),
                credentials.require("lwaClientId"), credentials.require("lwaClientSecret"),
                credentials.require("refreshToken"), currency == null || currency.isBlank() ? null : currency);
    }

    private static String hostOf(AmazonConfig config, String region, boolean sandbox) {
        return switch (region) {
            case "NA" -> sandbox ? config.sandboxEndpoints().na() : config.endpoints().na();
            case "EU" -> sandbox ? config.sandboxEndpoints().eu() : config.endpoints().eu();
            case "FE" -> sandbox ? config.sandboxEndpoints().fe() : config.endpoints().fe();
            default -> throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS,
                    "region " + region + " is not one of NA, EU, FE");
        };
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    public URI url(String path) {
        String base = host.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    @Override
    public String toString() {
        return "AmazonAccount[" + connectionId + ", " + sellingPartnerId + ", " + marketplaceIds + ", " + host + "]";
    }
}

package io.nexusconnect.shopify.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.util.Map;

/**
 * What a cycle or a stock push needs to know about the shop first: its currency (variant prices carry none) and the
 * location stock is read and set at — the connection's {@code locationId}, else the first active location that
 * fulfills online orders.
 */
public record ShopInfo(String name, String currencyCode, String locationId) {

    public static ShopInfo read(AdminApiClient api, ShopifyAccount account) {
        GraphqlAnswer shop = api.query(account, "shop", Queries.SHOP, Map.of(), Queries.SHOP_COST);
        String currency = shop.require("/shop/currencyCode").asText();
        String name = shop.require("/shop/name").asText();
        GraphqlAnswer locations = api.query(account, "locations", Queries.LOCATIONS, Map.of(),
                Queries.LOCATIONS_COST);
        JsonNode nodes = locations.require("/locations/nodes");
        String chosen = null;
        for (JsonNode location : nodes) {
            String id = location.path("id").asText();
            if (account.locationId() != null) {
                if (account.locationId().equals(id)) {
                    chosen = id;
                }
            } else if (chosen == null && location.path("isActive").asBoolean()
                    && location.path("fulfillsOnlineOrders").asBoolean()) {
                chosen = id;
            }
        }
        if (chosen == null) {
            throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS, account.locationId() != null
                    ? "location " + account.locationId() + " is not a location of " + account.shopDomain()
                    : account.shopDomain() + " has no active location that fulfills online orders");
        }
        return new ShopInfo(name, currency, chosen);
    }
}

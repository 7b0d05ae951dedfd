package io.nexusconnect.sims.amazon.sellers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.amazon.SellerAccount;
import io.nexusconnect.sims.amazon.http.SpApiCall;
import io.nexusconnect.sims.amazon.model.Marketplace;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

/** Sellers API v1 ({@code sellers.json}): the connection test of an adapter. */
public final class SellersApi {

    /** {@code GET /sellers/v1/marketplaceParticipations}: the seller's marketplace, store name and participation. */
    public SimResponse getMarketplaceParticipations(SpApiCall call) {
        ObjectNode body = Json.object();
        body.set("payload", participations(call.seller()));
        return SimResponse.json(200, body);
    }

    /** {@code GET /sellers/v1/account}: participations plus the business profile the model requires. */
    public SimResponse getAccount(SpApiCall call) {
        SellerAccount seller = call.seller();
        Marketplace marketplace = seller.marketplace();
        ObjectNode account = Json.object();
        account.set("marketplaceParticipationList", participations(seller));
        account.put("businessType", "PRIVATE_LIMITED").put("sellingPlan", "PROFESSIONAL");
        ObjectNode business = account.putObject("business").put("name", seller.sellerName());
        business.putObject("registeredBusinessAddress").put("addressLine1", "410 Terry Ave N")
                .put("countryCode", marketplace.countryCode());
        ObjectNode body = Json.object();
        body.set("payload", account);
        return SimResponse.json(200, body);
    }

    private static ArrayNode participations(SellerAccount seller) {
        Marketplace marketplace = seller.marketplace();
        ArrayNode list = Json.array();
        ObjectNode participation = list.addObject();
        participation.putObject("marketplace").put("id", marketplace.id()).put("name", marketplace.name())
                .put("countryCode", marketplace.countryCode())
                .put("defaultCurrencyCode", marketplace.defaultCurrencyCode())
                .put("defaultLanguageCode", marketplace.defaultLanguageCode())
                .put("domainName", marketplace.domainName());
        participation.put("storeName", seller.sellerName());
        participation.putObject("participation").put("isParticipating", true).put("hasSuspendedListings", false);
        return list;
    }
}

package io.nexusconnect.sims.amazon.listings;

import io.nexusconnect.sims.amazon.http.SpApiCall;
import io.nexusconnect.sims.amazon.http.SpApiErrors;
import io.nexusconnect.sims.amazon.http.SpApiException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parameters every Listings Items operation shares. */
final class ListingParams {
    private ListingParams() {
    }

    /** Required, comma-separated, and each one a marketplace the seller sells in. */
    static Set<String> marketplaceIds(SpApiCall call) {
        List<String> ids = call.queryList("marketplaceIds");
        if (ids.isEmpty()) {
            throw SpApiException.badRequest("Missing required 'marketplaceIds'.");
        }
        for (String id : ids) {
            if (!id.equals(call.seller().marketplaceId())) {
                throw SpApiException.badRequest("Invalid 'marketplaceIds' provided.");
            }
        }
        return new LinkedHashSet<>(ids);
    }

    static Set<String> includedData(SpApiCall call, Set<String> allowed, Set<String> defaults) {
        List<String> values = call.queryList("includedData");
        if (values.isEmpty()) {
            return defaults;
        }
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw SpApiException.badRequest("Invalid 'includedData' provided: " + value + ".");
            }
        }
        return new LinkedHashSet<>(values);
    }

    /** The sellerId path parameter must be the seller the access token was issued for. */
    static void requireOwnSellerId(SpApiCall call) {
        if (!call.seller().sellingPartnerId().equals(call.path("sellerId"))) {
            throw new SpApiException(SpApiErrors.unauthorized(""));
        }
    }
}

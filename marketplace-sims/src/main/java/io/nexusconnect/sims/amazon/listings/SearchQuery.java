package io.nexusconnect.sims.amazon.listings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.amazon.http.Dates;
import io.nexusconnect.sims.amazon.http.OpaqueToken;
import io.nexusconnect.sims.amazon.http.SpApiCall;
import io.nexusconnect.sims.amazon.http.SpApiException;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.common.http.Json;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The validated parameters of searchListingsItems (listingsItems_2021-08-01.json): filters, sort (default
 * lastUpdatedDate DESC), pageSize (max 20, default 10) and the position a pageToken continues from.
 *
 * @param skus the SKU identifiers asked for, if any: those listings are looked up directly instead of scanning all
 */
record SearchQuery(Set<String> marketplaceIds, Set<String> included, Predicate<SimListing> filter,
                   Comparator<ListingPosition> order, String sortBy, int pageSize, ListingPosition position,
                   int served, String fingerprint, Set<String> skus) {

    /** The model: "The maximum number of items (SKUs) that can be returned and paged through is 1000." */
    static final int MAX_PAGEABLE = 1000;
    private static final Set<String> IDENTIFIER_TYPES = Set.of("ASIN", "EAN", "FNSKU", "GTIN", "ISBN", "JAN", "MINSAN",
            "SKU", "UPC");
    private static final Set<String> STATUSES = Set.of("BUYABLE", "DISCOVERABLE");
    private static final Set<String> SEVERITIES = Set.of("WARNING", "ERROR");
    private static final Set<String> SORT_BY = Set.of("sku", "createdDate", "lastUpdatedDate");

    static SearchQuery parse(SpApiCall call) {
        Set<String> marketplaceIds = ListingParams.marketplaceIds(call);
        Set<String> included = ListingParams.includedData(call, ListingJson.INCLUDED_DATA, Set.of("summaries"));
        List<String> identifiers = call.queryList("identifiers");
        String identifiersType = call.query("identifiersType");
        if (identifiers.size() > 20) {
            throw SpApiException.badRequest("At most 20 'identifiers' can be provided.");
        }
        if (!identifiers.isEmpty() && identifiersType == null) {
            throw SpApiException.badRequest("'identifiersType' is required when 'identifiers' is provided.");
        }
        if (identifiersType != null && (identifiers.isEmpty() || !IDENTIFIER_TYPES.contains(identifiersType))) {
            throw SpApiException.badRequest("Invalid 'identifiersType' provided.");
        }
        int exclusive = (identifiers.isEmpty() ? 0 : 1) + (call.has("variationParentSku") ? 1 : 0)
                + (call.has("packageHierarchySku") ? 1 : 0);
        if (exclusive > 1) {
            throw SpApiException.badRequest(
                    "Only one of 'identifiers', 'variationParentSku' and 'packageHierarchySku' can be provided.");
        }
        Instant createdAfter = date(call, "createdAfter");
        Instant createdBefore = date(call, "createdBefore");
        Instant updatedAfter = date(call, "lastUpdatedAfter");
        Instant updatedBefore = date(call, "lastUpdatedBefore");
        Set<String> withStatus = values(call, "withStatus", STATUSES);
        Set<String> withoutStatus = values(call, "withoutStatus", STATUSES);
        Set<String> severities = values(call, "withIssueSeverity", SEVERITIES);
        String sortBy = oneOf(call, "sortBy", SORT_BY, "lastUpdatedDate");
        String sortOrder = oneOf(call, "sortOrder", Set.of("ASC", "DESC"), "DESC");
        int pageSize = pageSize(call.query("pageSize"));

        boolean noMatchPossible = call.has("variationParentSku") || call.has("packageHierarchySku");
        Set<String> ids = new TreeSet<>(identifiers);
        Predicate<SimListing> filter = l -> !noMatchPossible
                && marketplaceIds.contains(l.marketplaceId())
                && (ids.isEmpty() || ("SKU".equals(identifiersType) && ids.contains(l.sku()))
                        || ("ASIN".equals(identifiersType) && ids.contains(l.asin())))
                && (createdAfter == null || !l.createdDate().isBefore(createdAfter))
                && (createdBefore == null || !l.createdDate().isAfter(createdBefore))
                && (updatedAfter == null || !l.lastUpdatedDate().isBefore(updatedAfter))
                && (updatedBefore == null || !l.lastUpdatedDate().isAfter(updatedBefore))
                && (withStatus.isEmpty() || l.status().stream().anyMatch(withStatus::contains))
                && (withoutStatus.isEmpty() || l.status().stream().noneMatch(withoutStatus::contains))
                && (severities.isEmpty() || l.issues().stream().anyMatch(i -> severities.contains(i.severity())));
        Comparator<ListingPosition> order = ListingPosition.ORDER;
        if (sortOrder.equals("DESC")) {
            order = order.reversed();
        }
        String fingerprint = OpaqueToken.fingerprint(String.join("|", marketplaceIds.toString(), ids.toString(),
                String.valueOf(identifiersType), String.valueOf(createdAfter), String.valueOf(createdBefore),
                String.valueOf(updatedAfter), String.valueOf(updatedBefore), withStatus.toString(),
                withoutStatus.toString(), severities.toString(), sortBy, sortOrder, String.valueOf(noMatchPossible)));

        ListingPosition position = null;
        int served = 0;
        String pageToken = call.query("pageToken");
        if (pageToken != null) {
            ObjectNode token = OpaqueToken.decode(pageToken);
            if (token == null || !fingerprint.equals(token.path("f").asText())) {
                throw SpApiException.badRequest("Invalid 'pageToken' provided.");
            }
            position = new ListingPosition(token.path("k").asText(), token.path("s").asText());
            served = token.path("n").asInt();
        }
        return new SearchQuery(marketplaceIds, included, filter, order, sortBy, pageSize, position, served,
                fingerprint, "SKU".equals(identifiersType) ? Set.copyOf(ids) : Set.of());
    }

    String nextToken(SimListing last, int servedNow) {
        return OpaqueToken.encode(Json.object().put("f", fingerprint)
                .put("k", ListingPosition.of(last, sortBy).key()).put("s", last.sku()).put("n", servedNow));
    }

    private static Instant date(SpApiCall call, String name) {
        String value = call.query(name);
        return value == null ? null
                : Dates.parse(name, value, n -> SpApiException.badRequest("Invalid '" + n + "' provided."));
    }

    private static Set<String> values(SpApiCall call, String name, Set<String> allowed) {
        Set<String> values = new TreeSet<>(call.queryList(name));
        if (!allowed.containsAll(values)) {
            throw SpApiException.badRequest("Invalid '" + name + "' provided.");
        }
        return values;
    }

    private static String oneOf(SpApiCall call, String name, Set<String> allowed, String defaultValue) {
        String value = call.query(name);
        if (value == null) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw SpApiException.badRequest("Invalid '" + name + "' provided.");
        }
        return value;
    }

    private static int pageSize(String value) {
        if (value == null) {
            return 10;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= 20) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SpApiException.badRequest("'pageSize' must be an integer from 1 to 20.");
    }
}

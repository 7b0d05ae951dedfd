package io.nexusconnect.sims.amazon.listings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.amazon.http.SpApiCall;
import io.nexusconnect.sims.amazon.http.SpApiErrors;
import io.nexusconnect.sims.amazon.http.SpApiException;
import io.nexusconnect.sims.amazon.model.ListingIssue;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.amazon.state.SellerStore;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Listings Items API 2021-08-01: searchListingsItems, getListingsItem, patchListingsItem. */
public final class ListingsApi {
    public static final String PATCH_LISTINGS_ITEM = "patchListingsItem";

    private final Function<String, SellerStore> stores;

    public ListingsApi(Function<String, SellerStore> stores) {
        this.stores = stores;
    }

    /** {@code GET /listings/2021-08-01/items/{sellerId}}. */
    public SimResponse searchListingsItems(SpApiCall call) {
        ListingParams.requireOwnSellerId(call);
        SearchQuery query = SearchQuery.parse(call);
        Comparator<ListingPosition> order = query.order();
        SellerStore store = stores.apply(call.seller().sellingPartnerId());
        List<SimListing> matching = (query.skus().isEmpty() ? store.listings().stream()
                : query.skus().stream().map(store::listing).flatMap(java.util.Optional::stream))
                .filter(query.filter())
                .sorted(Comparator.comparing(l -> ListingPosition.of(l, query.sortBy()), order))
                .toList();
        List<SimListing> remaining = matching.subList(0, Math.min(matching.size(), SearchQuery.MAX_PAGEABLE)).stream()
                .filter(l -> query.position() == null
                        || order.compare(ListingPosition.of(l, query.sortBy()), query.position()) > 0)
                .toList();
        int room = Math.max(0, Math.min(query.pageSize(), SearchQuery.MAX_PAGEABLE - query.served()));
        List<SimListing> page = remaining.subList(0, Math.min(room, remaining.size()));
        boolean more = remaining.size() > page.size() && query.served() + page.size() < SearchQuery.MAX_PAGEABLE;
        ObjectNode body = Json.object().put("numberOfResults", matching.size());
        if (more) {
            body.putObject("pagination").put("nextToken", query.nextToken(page.getLast(), query.served() + page.size()));
        }
        ArrayNode items = body.putArray("items");
        page.forEach(l -> items.add(ListingJson.item(l, query.included())));
        return SimResponse.json(200, body);
    }

    /** {@code GET /listings/2021-08-01/items/{sellerId}/{sku}}. */
    public SimResponse getListingsItem(SpApiCall call) {
        ListingParams.requireOwnSellerId(call);
        Set<String> marketplaceIds = ListingParams.marketplaceIds(call);
        Set<String> included = ListingParams.includedData(call, ListingJson.INCLUDED_DATA, Set.of("summaries"));
        SimListing listing = stores.apply(call.seller().sellingPartnerId()).listing(call.path("sku"))
                .filter(l -> marketplaceIds.contains(l.marketplaceId()))
                .orElseThrow(() -> new SpApiException(SpApiErrors.notFound("NOT_FOUND",
                        "SKU '" + call.path("sku") + "' not found in marketplace " + marketplaceIds.iterator().next())));
        return SimResponse.json(200, ListingJson.item(listing, included));
    }

    /**
     * The INVALID_SUBMISSION fault: a {@code ListingsItemSubmissionResponse} with status INVALID and the model's
     * VALIDATION_INVALID issue (90000900 "The attributes are invalid.", INVALID_ATTRIBUTE), naming the attributes the
     * request patched; nothing is stored.
     */
    public static SimResponse invalidSubmission(SpApiCall call) {
        ListingParams.requireOwnSellerId(call);
        Set<String> marketplaceIds = ListingParams.marketplaceIds(call);
        List<String> attributes = new java.util.ArrayList<>();
        JsonNode body = call.bodyJson();
        if (body != null) {
            body.path("patches").forEach(p -> attributes.add(p.path("path").asText("").replaceFirst("^/attributes/", "")));
        }
        ObjectNode json = Json.object().put("sku", call.path("sku")).put("status", "INVALID")
                .put("submissionId", UUID.randomUUID().toString());
        json.putArray("issues").add(ListingJson.issue(new ListingIssue("90000900", "The attributes are invalid.", "ERROR",
                attributes, List.of("INVALID_ATTRIBUTE")), marketplaceIds.iterator().next()));
        return SimResponse.json(200, json);
    }

    /** {@code PATCH /listings/2021-08-01/items/{sellerId}/{sku}}, applied at once unless VALIDATION_PREVIEW. */
    public SimResponse patchListingsItem(SpApiCall call) {
        ListingParams.requireOwnSellerId(call);
        Set<String> marketplaceIds = ListingParams.marketplaceIds(call);
        String mode = call.query("mode");
        if (mode != null && !mode.equals("VALIDATION_PREVIEW")) {
            throw SpApiException.badRequest("Invalid 'mode' provided.");
        }
        boolean preview = mode != null;
        Set<String> included = ListingParams.includedData(call, Set.of("identifiers", "issues"), Set.of("issues"));
        if (included.contains("identifiers") && !preview) {
            throw SpApiException.badRequest("'identifiers' can only be requested when 'mode' is VALIDATION_PREVIEW.");
        }
        SellerStore store = stores.apply(call.seller().sellingPartnerId());
        ListingsPatch.Outcome outcome = store.atomically(() -> {
            SimListing current = store.listing(call.path("sku")).filter(l -> marketplaceIds.contains(l.marketplaceId()))
                    .orElseThrow(() -> SpApiException.badRequest("SKU '" + call.path("sku")
                            + "' not found in marketplace " + marketplaceIds.iterator().next() + "."));
            ListingsPatch.Outcome result = ListingsPatch.apply(current, call.bodyJson(), store.now());
            if (result.valid() && !preview) {
                store.putListing(result.listing());
            }
            return result;
        });
        SimListing listing = outcome.listing();
        String status = !outcome.valid() ? "INVALID" : preview ? "VALID" : "ACCEPTED";
        ObjectNode body = Json.object().put("sku", listing.sku()).put("status", status)
                .put("submissionId", UUID.randomUUID().toString());
        if (included.contains("issues")) {
            ArrayNode issues = body.putArray("issues");
            outcome.issues().forEach(i -> issues.add(ListingJson.issue(i, listing.marketplaceId())));
        }
        if (included.contains("identifiers")) {
            body.putArray("identifiers").addObject().put("marketplaceId", listing.marketplaceId())
                    .put("asin", listing.asin());
        }
        return SimResponse.json(200, body);
    }
}

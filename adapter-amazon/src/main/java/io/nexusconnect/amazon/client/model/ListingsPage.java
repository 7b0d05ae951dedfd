package io.nexusconnect.amazon.client.model;

import java.util.List;

/** Listings Items 2021-08-01 {@code ItemSearchResults}. */
public record ListingsPage(Integer numberOfResults, Pagination pagination, List<ListingItem> items) {
    public record Pagination(String nextToken, String previousToken) {
    }

    public String nextToken() {
        return pagination == null ? null : pagination.nextToken();
    }
}

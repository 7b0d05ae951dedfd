package io.nexusconnect.sims.amazon.model;

import java.util.List;

/** A Listings Items {@code Issue}: code, message, severity (ERROR|WARNING|INFO), attribute names, categories. */
public record ListingIssue(String code, String message, String severity, List<String> attributeNames,
                           List<String> categories) {
    public ListingIssue {
        attributeNames = List.copyOf(attributeNames);
        categories = List.copyOf(categories);
    }
}

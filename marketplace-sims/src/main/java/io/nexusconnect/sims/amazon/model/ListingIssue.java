package io.nexusconnect.sims.amazon.model;

import java.util.List;

/**
 * A Listings Items {@code Issue}: code, message, severity (ERROR|WARNING|INFO), attribute names, categories, and the
 * enforcement actions Amazon took because of it ({@code enforcements.actions[].action}: LISTING_SUPPRESSED,
 * ATTRIBUTE_SUPPRESSED, CATALOG_ITEM_REMOVED, SEARCH_SUPPRESSED), served with exemption NOT_EXEMPT.
 */
public record ListingIssue(String code, String message, String severity, List<String> attributeNames,
                           List<String> categories, List<String> enforcementActions) {
    public static final String LISTING_SUPPRESSED = "LISTING_SUPPRESSED";
    public static final String SEARCH_SUPPRESSED = "SEARCH_SUPPRESSED";
    public static final String CATALOG_ITEM_REMOVED = "CATALOG_ITEM_REMOVED";

    public ListingIssue {
        attributeNames = List.copyOf(attributeNames);
        categories = List.copyOf(categories);
        enforcementActions = List.copyOf(enforcementActions);
    }

    /** An issue without enforcement (a validation finding). */
    public ListingIssue(String code, String message, String severity, List<String> attributeNames,
                        List<String> categories) {
        this(code, message, severity, attributeNames, categories, List.of());
    }

    public boolean enforces(String action) {
        return enforcementActions.contains(action);
    }
}

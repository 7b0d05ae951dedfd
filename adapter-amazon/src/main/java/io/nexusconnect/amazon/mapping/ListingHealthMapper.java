package io.nexusconnect.amazon.mapping;

import io.nexusconnect.amazon.client.model.ListingItem;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.ListingHealth.Verdict;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Amazon's summary status and issues of one listing to the normalized verdict (BEHAVIOR.md, "Listing health"), first
 * match wins:
 * <ol>
 *   <li>an issue whose enforcement takes the listing down (LISTING_SUPPRESSED, CATALOG_ITEM_REMOVED,
 *       SEARCH_SUPPRESSED) and that the seller is not exempt from → suppressed;</li>
 *   <li>the summary says BUYABLE → active (issues are still carried, as warnings to act on);</li>
 *   <li>an ERROR issue → incomplete (Amazon refuses to offer it until the data is fixed);</li>
 *   <li>otherwise (no stock, closed, not yet live) → inactive.</li>
 * </ol>
 * Issues of the connection's other marketplaces are left out; an issue without marketplaceIds applies to all.
 */
public final class ListingHealthMapper {
    static final Set<String> TAKEDOWN_ACTIONS = Set.of("LISTING_SUPPRESSED", "CATALOG_ITEM_REMOVED", "SEARCH_SUPPRESSED");
    static final Set<String> EXEMPT = Set.of("EXEMPT", "EXEMPT_UNTIL_EXPIRY_DATE");

    private ListingHealthMapper() {
    }

    /** The verdict for the given marketplace; {@code summary} may be null (Amazon has none for it). */
    public static ListingHealth health(ListingItem item, ListingItem.Summary summary, String marketplaceId) {
        List<ListingItem.Issue> issues = item.issues() == null ? List.of() : item.issues().stream()
                .filter(i -> i.marketplaceIds() == null || i.marketplaceIds().isEmpty()
                        || i.marketplaceIds().contains(marketplaceId))
                .toList();
        return new ListingHealth(verdict(issues, summary), issues.stream().map(ListingHealthMapper::issue).toList());
    }

    private static Verdict verdict(List<ListingItem.Issue> issues, ListingItem.Summary summary) {
        if (issues.stream().anyMatch(ListingHealthMapper::takesDown)) {
            return Verdict.SUPPRESSED;
        }
        if (summary != null && summary.status() != null && summary.status().contains("BUYABLE")) {
            return Verdict.ACTIVE;
        }
        if (issues.stream().anyMatch(i -> "ERROR".equalsIgnoreCase(i.severity()))) {
            return Verdict.INCOMPLETE;
        }
        return Verdict.INACTIVE;
    }

    private static boolean takesDown(ListingItem.Issue issue) {
        ListingItem.Enforcements enforcements = issue.enforcements();
        if (enforcements == null || enforcements.actions() == null) {
            return false;
        }
        boolean exempt = enforcements.exemption() != null && enforcements.exemption().status() != null
                && EXEMPT.contains(enforcements.exemption().status());
        return !exempt && enforcements.actions().stream()
                .anyMatch(a -> a != null && a.action() != null && TAKEDOWN_ACTIONS.contains(a.action()));
    }

    private static ListingHealth.Issue issue(ListingItem.Issue issue) {
        return new ListingHealth.Issue(issue.code() == null ? "" : issue.code(), severity(issue.severity()),
                issue.message() == null ? "" : issue.message());
    }

    /** ERROR/WARNING/INFO as the model says; anything newer is kept as a warning rather than dropped. */
    private static ListingHealth.Severity severity(String severity) {
        if (severity == null) {
            return ListingHealth.Severity.WARNING;
        }
        return switch (severity.toUpperCase(Locale.ROOT)) {
            case "ERROR" -> ListingHealth.Severity.ERROR;
            case "INFO" -> ListingHealth.Severity.INFO;
            default -> ListingHealth.Severity.WARNING;
        };
    }
}

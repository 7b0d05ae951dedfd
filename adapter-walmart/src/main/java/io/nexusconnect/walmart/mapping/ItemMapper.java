package io.nexusconnect.walmart.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An item of getAllItems (items.json {@code ItemResponse}) to a normalized {@link Product} with the listing-health
 * verdict from {@code publishedStatus} and {@code unpublishedReasons} (BEHAVIOR.md).
 */
public final class ItemMapper {
    private ItemMapper() {
    }

    public static Product toProduct(JsonNode item, UUID connectionId, String tenantId, String currencyOverride,
                                    UUID syncId, Instant observedAt) {
        String sku = item.path("sku").asText(null);
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("an item without sku");
        }
        List<String> statuses = new ArrayList<>();
        for (String field : List.of("publishedStatus", "lifecycleStatus")) {
            if (item.hasNonNull(field)) {
                statuses.add(item.path(field).asText());
            }
        }
        JsonNode price = item.path("price");
        Money money = null;
        if (price.path("amount").isNumber() || price.path("amount").isTextual()) {
            String currency = currencyOverride != null ? currencyOverride : price.path("currency").asText("USD");
            money = Money.of(new java.math.BigDecimal(price.path("amount").asText()), currency);
        }
        return new Product(connectionId, tenantId, Marketplace.WALMART, sku, sku, item.path("wpid").asText(null),
                item.path("productName").asText(null), item.path("productType").asText(null), statuses, "WALMART_US",
                money, null, null, syncId, observedAt, health(item));
    }

    /**
     * PUBLISHED is ACTIVE (INACTIVE when the lifecycle is RETIRED or ARCHIVED); UNPUBLISHED and SYSTEM_PROBLEM are
     * SUPPRESSED with each unpublished reason as an error; READY_TO_PUBLISH, IN_PROGRESS and STAGE are INCOMPLETE.
     */
    static ListingHealth health(JsonNode item) {
        String published = item.path("publishedStatus").asText("");
        String lifecycle = item.path("lifecycleStatus").asText("ACTIVE");
        List<ListingHealth.Issue> reasons = new ArrayList<>();
        for (JsonNode reason : item.path("unpublishedReasons").path("reason")) {
            reasons.add(new ListingHealth.Issue("UNPUBLISHED_REASON", ListingHealth.Severity.ERROR, reason.asText()));
        }
        return switch (published) {
            case "PUBLISHED" -> "RETIRED".equals(lifecycle) || "ARCHIVED".equals(lifecycle)
                    ? issue(ListingHealth.Verdict.INACTIVE, lifecycle, "The item's lifecycle is " + lifecycle + ".")
                    : new ListingHealth(ListingHealth.Verdict.ACTIVE, List.of());
            case "UNPUBLISHED", "SYSTEM_PROBLEM" -> reasons.isEmpty()
                    ? issue(ListingHealth.Verdict.SUPPRESSED, published, "Walmart does not show the item ("
                    + published + ").")
                    : new ListingHealth(ListingHealth.Verdict.SUPPRESSED, reasons);
            case "READY_TO_PUBLISH", "IN_PROGRESS", "STAGE" -> issue(ListingHealth.Verdict.INCOMPLETE, published,
                    "The item is not published yet (" + published + ").");
            default -> issue(ListingHealth.Verdict.INACTIVE, published.isEmpty() ? "UNKNOWN" : published,
                    "The item is not live (" + (published.isEmpty() ? "no status" : published) + ").");
        };
    }

    private static ListingHealth issue(ListingHealth.Verdict verdict, String code, String message) {
        ListingHealth.Severity severity = verdict == ListingHealth.Verdict.SUPPRESSED ? ListingHealth.Severity.ERROR
                : ListingHealth.Severity.WARNING;
        return new ListingHealth(verdict, List.of(new ListingHealth.Issue(code, severity, message)));
    }
}

package io.nexusconnect.sims.amazon.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One listings item of a seller in one marketplace (Listings Items 2021-08-01 {@code Item}). {@code extraAttributes}
 * holds attributes a PATCH wrote that the simulator does not interpret (attribute name to its JSON value array).
 */
public record SimListing(String sku, String asin, String title, String productType, String marketplaceId,
                         String currency, BigDecimal price, List<Availability> fulfillmentAvailability,
                         Instant createdDate, Instant lastUpdatedDate, List<ListingIssue> issues,
                         Map<String, String> extraAttributes) {

    public SimListing {
        fulfillmentAvailability = List.copyOf(fulfillmentAvailability);
        issues = List.copyOf(issues);
        extraAttributes = Map.copyOf(extraAttributes);
    }

    /** The seller-fulfilled quantity, else the first channel's (FBA-only listings), else 0. */
    public int quantity() {
        return channel(Availability.DEFAULT).or(() -> fulfillmentAvailability.stream().findFirst())
                .map(Availability::quantity).orElse(0);
    }

    public Optional<Availability> channel(String code) {
        return fulfillmentAvailability.stream().filter(a -> a.fulfillmentChannelCode().equals(code)).findFirst()
                .filter(a -> a.quantity() != null);
    }

    public boolean fulfilledByAmazon() {
        return fulfillmentAvailability.stream().noneMatch(a -> a.fulfillmentChannelCode().equals(Availability.DEFAULT));
    }

    /**
     * BUYABLE while there is stock, no ERROR issue and no enforcement that takes buyability down (LISTING_SUPPRESSED,
     * CATALOG_ITEM_REMOVED); DISCOVERABLE unless an enforcement hides it (SEARCH_SUPPRESSED, CATALOG_ITEM_REMOVED).
     */
    public List<String> status() {
        List<String> status = new ArrayList<>();
        boolean blocked = issues.stream().anyMatch(i -> "ERROR".equals(i.severity())
                || i.enforces(ListingIssue.LISTING_SUPPRESSED) || i.enforces(ListingIssue.CATALOG_ITEM_REMOVED));
        boolean hidden = issues.stream().anyMatch(i -> i.enforces(ListingIssue.SEARCH_SUPPRESSED)
                || i.enforces(ListingIssue.CATALOG_ITEM_REMOVED));
        if (quantity() > 0 && !blocked) {
            status.add("BUYABLE");
        }
        if (!hidden) {
            status.add("DISCOVERABLE");
        }
        return status;
    }

    public SimListing withIssues(List<ListingIssue> newIssues, Instant updatedAt) {
        return new SimListing(sku, asin, title, productType, marketplaceId, currency, price, fulfillmentAvailability,
                createdDate, updatedAt, newIssues, extraAttributes);
    }

    public SimListing withAvailability(List<Availability> availability, Instant updatedAt) {
        return new SimListing(sku, asin, title, productType, marketplaceId, currency, price, availability,
                createdDate, updatedAt, issues, extraAttributes);
    }

    public SimListing withQuantity(int quantity, Instant updatedAt) {
        List<Availability> updated = new ArrayList<>();
        String target = channel(Availability.DEFAULT).isPresent() || fulfillmentAvailability.isEmpty()
                ? Availability.DEFAULT : fulfillmentAvailability.getFirst().fulfillmentChannelCode();
        boolean found = false;
        for (Availability a : fulfillmentAvailability) {
            if (a.fulfillmentChannelCode().equals(target)) {
                updated.add(new Availability(target, quantity));
                found = true;
            } else {
                updated.add(a);
            }
        }
        if (!found) {
            updated.add(new Availability(target, quantity));
        }
        return withAvailability(updated, updatedAt);
    }

    public SimListing with(String newTitle, BigDecimal newPrice, Map<String, String> newExtra, Instant updatedAt) {
        return new SimListing(sku, asin, newTitle, productType, marketplaceId, currency, newPrice,
                fulfillmentAvailability, createdDate, updatedAt, issues, newExtra);
    }
}

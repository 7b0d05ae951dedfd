package io.nexusconnect.sims.amazon.listings;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.amazon.http.SpApiException;
import io.nexusconnect.sims.amazon.model.Availability;
import io.nexusconnect.sims.amazon.model.ListingIssue;
import io.nexusconnect.sims.amazon.model.SimListing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a {@code ListingsItemPatchRequest} to a listing. The request shape is checked first (400 when broken);
 * attribute values are then checked like Amazon's validation, whose findings are {@code issues} of an INVALID
 * submission rather than HTTP errors. Interpreted attributes: fulfillment_availability (quantity),
 * purchasable_offer (price) and item_name (title); other top-level attributes are stored as sent.
 */
final class ListingsPatch {
    private static final Set<String> OPS = Set.of("add", "replace", "merge", "delete");

    record Outcome(SimListing listing, List<ListingIssue> issues) {
        boolean valid() {
            return issues.stream().noneMatch(i -> "ERROR".equals(i.severity()));
        }
    }

    private ListingsPatch() {
    }

    static Outcome apply(SimListing listing, JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw SpApiException.badRequest("The request body must be a JSON ListingsItemPatchRequest.");
        }
        if (!body.path("productType").isTextual() || body.path("productType").asText().isBlank()) {
            throw SpApiException.badRequest("'productType' is required.");
        }
        JsonNode patches = body.path("patches");
        if (!patches.isArray() || patches.isEmpty()) {
            throw SpApiException.badRequest("'patches' must contain at least one patch operation.");
        }
        List<ListingIssue> issues = new ArrayList<>();
        List<Availability> availability = listing.fulfillmentAvailability();
        BigDecimal price = listing.price();
        String title = listing.title();
        Map<String, String> extra = new HashMap<>(listing.extraAttributes());
        for (JsonNode patch : patches) {
            String op = patch.path("op").asText("");
            String path = patch.path("path").asText("");
            JsonNode value = patch.get("value");
            if (!OPS.contains(op)) {
                throw SpApiException.badRequest("Invalid patch 'op': " + op + ".");
            }
            if (!path.matches("/attributes/[A-Za-z0-9_]+")) {
                throw SpApiException.badRequest("Invalid patch 'path': " + path
                        + ". Only top-level attributes (/attributes/<name>) can be patched.");
            }
            if (!op.equals("delete") && (value == null || !value.isArray())) {
                throw SpApiException.badRequest("The 'value' of a '" + op + "' patch must be an array.");
            }
            String attribute = path.substring("/attributes/".length());
            switch (attribute) {
                case "fulfillment_availability" -> availability = availability(availability, op, value, issues);
                case "purchasable_offer" -> price = price(price, op, value, issues);
                case "item_name" -> title = title(title, op, value, issues);
                default -> {
                    if (op.equals("delete")) {
                        extra.remove(attribute);
                    } else {
                        extra.put(attribute, value.toString());
                    }
                }
            }
        }
        if (!issues.isEmpty()) {
            return new Outcome(listing, issues);
        }
        SimListing updated = listing.with(title, price, extra, now).withAvailability(availability, now);
        return new Outcome(updated, List.of());
    }

    private static List<Availability> availability(List<Availability> current, String op, JsonNode value,
                                                   List<ListingIssue> issues) {
        Map<String, Availability> byCode = new LinkedHashMap<>();
        if (!op.equals("replace")) {
            current.forEach(a -> byCode.put(a.fulfillmentChannelCode(), a));
        }
        if (op.equals("delete")) {
            if (value == null || value.isEmpty()) {
                byCode.remove(Availability.DEFAULT);
            } else {
                value.forEach(v -> byCode.remove(v.path("fulfillment_channel_code").asText()));
            }
            return List.copyOf(byCode.values());
        }
        for (JsonNode entry : value) {
            String code = entry.path("fulfillment_channel_code").asText("");
            JsonNode quantity = entry.get("quantity");
            if (!code.equals(Availability.DEFAULT)) {
                issues.add(invalid("fulfillment_availability", "Only the DEFAULT (seller-fulfilled) quantity can be "
                        + "set; Amazon manages the quantity of its fulfillment network."));
            } else if (quantity == null || !quantity.canConvertToInt() || !quantity.isIntegralNumber()
                    || quantity.asInt() < 0) {
                issues.add(invalid("fulfillment_availability", "The attributes are invalid."));
            } else {
                byCode.put(code, new Availability(code, quantity.asInt()));
            }
        }
        return List.copyOf(byCode.values());
    }

    private static BigDecimal price(BigDecimal current, String op, JsonNode value, List<ListingIssue> issues) {
        if (op.equals("delete")) {
            issues.add(invalid("purchasable_offer", "'purchasable_offer' is required but not supplied."));
            return current;
        }
        JsonNode amount = value.path(0).path("our_price").path(0).path("schedule").path(0).path("value_with_tax");
        if (!amount.isNumber() || amount.decimalValue().signum() <= 0) {
            issues.add(invalid("purchasable_offer", "The attributes are invalid."));
            return current;
        }
        return amount.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static String title(String current, String op, JsonNode value, List<ListingIssue> issues) {
        JsonNode text = value == null ? null : value.path(0).path("value");
        if (op.equals("delete") || text == null || !text.isTextual() || text.asText().isBlank()) {
            issues.add(invalid("item_name", "'item_name' is required but not supplied."));
            return current;
        }
        return text.asText();
    }

    /** The issue the model's VALIDATION_INVALID example answers with. */
    private static ListingIssue invalid(String attribute, String message) {
        return new ListingIssue("90000900", message, "ERROR", List.of(attribute), List.of("INVALID_ATTRIBUTE"));
    }
}

package io.nexusconnect.sims.amazon.listings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.amazon.model.Availability;
import io.nexusconnect.sims.amazon.model.ListingIssue;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.common.http.Json;

import java.math.RoundingMode;
import java.util.Set;

/** The Listings Items 2021-08-01 {@code Item} JSON, with only the {@code includedData} sets asked for. */
final class ListingJson {
    static final Set<String> INCLUDED_DATA = Set.of("summaries", "attributes", "issues", "offers",
            "fulfillmentAvailability", "procurement", "relationships", "productTypes");

    private ListingJson() {
    }

    static ObjectNode item(SimListing listing, Set<String> included) {
        ObjectNode item = Json.object().put("sku", listing.sku());
        if (included.contains("summaries")) {
            ObjectNode summary = item.putArray("summaries").addObject()
                    .put("marketplaceId", listing.marketplaceId())
                    .put("asin", listing.asin())
                    .put("productType", listing.productType())
                    .put("conditionType", "new_new");
            ArrayNode status = summary.putArray("status");
            listing.status().forEach(status::add);
            summary.put("itemName", listing.title())
                    .put("createdDate", Json.time(listing.createdDate()))
                    .put("lastUpdatedDate", Json.time(listing.lastUpdatedDate()));
            summary.putObject("mainImage").put("link", "https://m.media-amazon.com/images/I/" + listing.asin() + ".jpg")
                    .put("height", 500).put("width", 500);
        }
        if (included.contains("attributes")) {
            item.set("attributes", attributes(listing));
        }
        if (included.contains("issues")) {
            ArrayNode issues = item.putArray("issues");
            listing.issues().forEach(i -> issues.add(issue(i, listing.marketplaceId())));
        }
        if (included.contains("offers")) {
            ObjectNode offer = item.putArray("offers").addObject()
                    .put("marketplaceId", listing.marketplaceId())
                    .put("offerType", "B2C");
            offer.putObject("price").put("currencyCode", listing.currency())
                    .put("amount", listing.price().setScale(2, RoundingMode.HALF_UP).toPlainString());
            offer.putObject("audience").put("value", "ALL").put("displayName", "Sell on Amazon");
        }
        if (included.contains("fulfillmentAvailability")) {
            ArrayNode availability = item.putArray("fulfillmentAvailability");
            for (Availability a : listing.fulfillmentAvailability()) {
                ObjectNode entry = availability.addObject().put("fulfillmentChannelCode", a.fulfillmentChannelCode());
                if (a.quantity() != null) {
                    entry.put("quantity", a.quantity());
                }
            }
        }
        if (included.contains("procurement")) {
            item.putArray("procurement"); // vendor data; sellers have none
        }
        if (included.contains("relationships")) {
            item.putArray("relationships").addObject().put("marketplaceId", listing.marketplaceId())
                    .putArray("relationships");
        }
        if (included.contains("productTypes")) {
            item.putArray("productTypes").addObject().put("marketplaceId", listing.marketplaceId())
                    .put("productType", listing.productType());
        }
        return item;
    }

    /** Attributes in the product-type-definition shape (arrays of objects with marketplace_id). */
    static ObjectNode attributes(SimListing listing) {
        ObjectNode attributes = Json.object();
        attributes.putArray("item_name").addObject().put("value", listing.title()).put("language_tag", "en_US")
                .put("marketplace_id", listing.marketplaceId());
        attributes.putArray("condition_type").addObject().put("value", "new_new")
                .put("marketplace_id", listing.marketplaceId());
        ObjectNode offer = attributes.putArray("purchasable_offer").addObject().put("currency", listing.currency())
                .put("marketplace_id", listing.marketplaceId());
        offer.putArray("our_price").addObject().putArray("schedule").addObject()
                .put("value_with_tax", listing.price());
        ArrayNode availability = attributes.putArray("fulfillment_availability");
        for (Availability a : listing.fulfillmentAvailability()) {
            ObjectNode entry = availability.addObject().put("fulfillment_channel_code", a.fulfillmentChannelCode());
            if (a.quantity() != null) {
                entry.put("quantity", a.quantity());
            }
        }
        listing.extraAttributes().forEach((name, json) -> attributes.set(name, Json.parseOrNull(json)));
        return attributes;
    }

    static ObjectNode issue(ListingIssue issue, String marketplaceId) {
        ObjectNode json = Json.object().put("code", issue.code()).put("message", issue.message())
                .put("severity", issue.severity());
        if (!issue.attributeNames().isEmpty()) {
            ArrayNode names = json.putArray("attributeNames");
            issue.attributeNames().forEach(names::add);
        }
        ArrayNode categories = json.putArray("categories");
        issue.categories().forEach(categories::add);
        if (marketplaceId != null) {
            json.putArray("marketplaceIds").add(marketplaceId);
        }
        return json;
    }

}

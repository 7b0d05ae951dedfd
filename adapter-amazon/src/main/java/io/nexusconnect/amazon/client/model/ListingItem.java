package io.nexusconnect.amazon.client.model;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.util.List;

/** Listings Items 2021-08-01 {@code Item} with the data sets the sync asks for. */
public record ListingItem(String sku, List<Summary> summaries, List<Offer> offers,
                          List<FulfillmentAvailability> fulfillmentAvailability, List<Issue> issues) {

    /** A listing without issues read (the data sets the stock path asks for). */
    public ListingItem(String sku, List<Summary> summaries, List<Offer> offers,
                       List<FulfillmentAvailability> fulfillmentAvailability) {
        this(sku, summaries, offers, fulfillmentAvailability, null);
    }

    /** {@code status} is an array in the model (BUYABLE, DISCOVERABLE); a single string is accepted too. */
    public record Summary(String marketplaceId, String asin, String productType, String conditionType,
                          @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> status,
                          String itemName, String createdDate, String lastUpdatedDate) {
    }

    public record Offer(String marketplaceId, String offerType, Price price) {
    }

    /** Listings {@code Money}: {@code amount} is a Decimal, which may arrive as a JSON number or a string. */
    public record Price(String currencyCode, String amount) {
    }

    public record FulfillmentAvailability(String fulfillmentChannelCode, Integer quantity) {
    }

    /** Listings Items {@code Issue}: severity ERROR|WARNING|INFO, categories, and Amazon's enforcement actions. */
    public record Issue(String code, String message, String severity, List<String> categories,
                        List<String> marketplaceIds, Enforcements enforcements) {
    }

    /** {@code actions[].action} (LISTING_SUPPRESSED, ...) and whether the seller is exempt from them. */
    public record Enforcements(List<EnforcementAction> actions, Exemption exemption) {
    }

    public record EnforcementAction(String action) {
    }

    /** {@code status}: EXEMPT, EXEMPT_UNTIL_EXPIRY_DATE or NOT_EXEMPT. */
    public record Exemption(String status) {
    }
}

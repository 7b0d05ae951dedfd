package io.nexusconnect.sims.amazon.model;

/**
 * One {@code FulfillmentAvailability} entry: {@code DEFAULT} is the seller-fulfilled (MFN) quantity, {@code AMAZON_NA}
 * (or another Amazon network code) is FBA stock, which Amazon manages. Quantity may be absent in the model.
 */
public record Availability(String fulfillmentChannelCode, Integer quantity) {
    public static final String DEFAULT = "DEFAULT";
}

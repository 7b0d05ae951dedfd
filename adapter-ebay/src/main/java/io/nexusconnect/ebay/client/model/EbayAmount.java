package io.nexusconnect.ebay.client.model;

/** eBay's {@code Amount}: {@code value} is a decimal string, {@code currency} ISO 4217. */
public record EbayAmount(String value, String currency) {
}

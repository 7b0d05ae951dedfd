package io.nexusconnect.amazon.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Orders v0 {@code Money}: the amount is a decimal string. */
public record AmazonMoney(@JsonProperty("CurrencyCode") String currencyCode, @JsonProperty("Amount") String amount) {
}

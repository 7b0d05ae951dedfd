package io.nexusconnect.sims.amazon.model;

/** The non-restricted part of an order's shipping address (name and street need a Restricted Data Token). */
public record ShipTo(String city, String stateOrRegion, String postalCode, String countryCode) {
}

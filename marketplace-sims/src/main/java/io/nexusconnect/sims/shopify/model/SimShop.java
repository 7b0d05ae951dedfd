package io.nexusconnect.sims.shopify.model;

/** The shop an access token belongs to (the {@code shop} query). */
public record SimShop(long number, String name, String myshopifyDomain, String currencyCode, String ianaTimezone,
                      String planName, boolean shopifyPlus, String accessToken) {

    public String id() {
        return Gid.of("Shop", number);
    }

    @Override
    public String toString() {
        return "SimShop[" + myshopifyDomain + ", " + name + ", accessToken=***]";
    }
}

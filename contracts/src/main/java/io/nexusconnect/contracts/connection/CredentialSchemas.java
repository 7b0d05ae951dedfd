package io.nexusconnect.contracts.connection;

import io.nexusconnect.contracts.Marketplace;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.nexusconnect.contracts.connection.CredentialField.choice;
import static io.nexusconnect.contracts.connection.CredentialField.property;
import static io.nexusconnect.contracts.connection.CredentialField.secret;

/** The credential form of every marketplace, as the first-connection product page lists it. */
public final class CredentialSchemas {
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String TOKEN = "[A-Za-z0-9._~+/=|#^:-]{8,4096}";
    /** A secret nexus generates for a marketplace's webhooks (HMAC key, callback path token): URL-safe, 32-128. */
    private static final String WEBHOOK_SECRET = "[A-Za-z0-9_-]{32,128}";

    public static final List<String> AMAZON_SELLER_CENTRAL_URLS = List.of(
            "https://sellercentral.amazon.com", "https://sellercentral.amazon.ca", "https://sellercentral.amazon.com.mx",
            "https://sellercentral.amazon.com.br", "https://sellercentral-europe.amazon.com",
            "https://sellercentral.amazon.nl", "https://sellercentral.amazon.pl", "https://sellercentral.amazon.se",
            "https://sellercentral.amazon.com.tr", "https://sellercentral.amazon.ae", "https://sellercentral.amazon.sa",
            "https://sellercentral.amazon.eg", "https://sellercentral.amazon.in", "https://sellercentral.amazon.co.za",
            "https://sellercentral.amazon.com.be", "https://sellercentral.amazon.sg", "https://sellercentral.amazon.com.au",
            "https://sellercentral.amazon.co.jp");

    /** The sites the Sell APIs serve (MarketplaceIdEnum, https://developer.ebay.com/api-docs/static/rest-request-components.html). */
    public static final List<String> EBAY_MARKETPLACES = List.of("EBAY_US", "EBAY_MOTORS_US", "EBAY_CA", "EBAY_GB",
            "EBAY_DE", "EBAY_AT", "EBAY_CH", "EBAY_FR", "EBAY_IT", "EBAY_ES", "EBAY_NL", "EBAY_BE", "EBAY_IE", "EBAY_PL",
            "EBAY_AU", "EBAY_HK", "EBAY_SG", "EBAY_MY", "EBAY_PH", "EBAY_TW");

    private static final Map<Marketplace, CredentialSchema> SCHEMAS = new EnumMap<>(Marketplace.class);

    static {
        register(new CredentialSchema(Marketplace.AMAZON, List.of(
                secret("lwaClientId", "LWA Client ID", "amzn1\\.application-oa2-client\\.[A-Za-z0-9]{8,64}",
                        "starts with amzn1.application-oa2-client."),
                secret("lwaClientSecret", "LWA Client Secret", "(amzn1\\.oa2-cs\\.v1\\.)?[A-Za-z0-9]{16,128}", null),
                secret("refreshToken", "Refresh Token", "Atzr\\|[A-Za-z0-9._~+/=|-]{16,2048}", "starts with Atzr|"),
                property("sellingPartnerId", "Selling Partner ID (Merchant ID)", "A[A-Z0-9]{6,20}",
                        "the merchant token, e.g. A3TH9S8BH6GOGM"),
                choice("marketplaceIds", "Marketplace ID(s)", AmazonMarketplaces.ids(), null).asList(),
                choice("region", "SP-API region", List.of("NA", "EU", "FE"), null),
                choice("sandbox", "Sandbox endpoint", List.of("true", "false"), null).optional(),
                choice("sellerCentralUrl", "Seller Central URL", AMAZON_SELLER_CENTRAL_URLS, null).optional()),
                "sellingPartnerId", CredentialSchemas::amazonRules));
        register(new CredentialSchema(Marketplace.BOL, List.of(
                secret("clientId", "Client ID", TOKEN, null),
                secret("clientSecret", "Client Secret", TOKEN, null),
                webhookToken()), null, null));
        register(new CredentialSchema(Marketplace.EBAY, List.of(
                secret("appId", "App ID (Client ID)", "[A-Za-z0-9]+-[A-Za-z0-9]+-(PRD|SBX)-[A-Za-z0-9]+-[A-Za-z0-9]+",
                        "the keyset's App ID, the OAuth client id, e.g. Store-App-PRD-1a2b3c4d5-6e7f8a9b"),
                secret("devId", "Dev ID", UUID, null),
                secret("certId", "Cert ID (Client Secret)", "(PRD|SBX)-[A-Za-z0-9-]{8,128}",
                        "the keyset's Cert ID, the OAuth client secret; starts with PRD- or SBX-"),
                secret("userToken", "User Token", TOKEN, null),
                secret("refreshToken", "Refresh Token", TOKEN,
                        "the seller's OAuth refresh token (lasts about 18 months); starts with v^1.1#"),
                choice("marketplaceId", "eBay site (marketplace ID)", EBAY_MARKETPLACES,
                        "the site the adapter reads and writes; EBAY_US when empty").optional(),
                secret("notificationVerificationToken", "Notification verification token", "[A-Za-z0-9_-]{32,80}",
                        "32 to 80 characters: letters, digits, _ and -"),
                choice("environment", "Environment", List.of("production", "sandbox"), null).optional()),
                null, null));
        // OAuth 2.0 client credentials only: Walmart US retired the consumer-id + private-key signature
        // (adapter-walmart/BEHAVIOR.md), so the form no longer offers it
        register(new CredentialSchema(Marketplace.WALMART, List.of(
                secret("clientId", "Client ID", TOKEN, "from the Walmart Developer Portal"),
                secret("clientSecret", "Client Secret", TOKEN, null),
                choice("acknowledgeOrders", "Acknowledge new orders", List.of("true", "false"),
                        "acknowledge every new (Created) order once it is imported; true when empty").optional(),
                secret("webhookSecret", "Webhook secret (HMAC key or auth header value)", WEBHOOK_SECRET,
                        "generated by nexus when webhooks are registered").optional(),
                property("webhookAuthHeader", "Webhook auth header name", "[A-Za-z0-9_.-]{1,64}",
                        "set when the subscription sends the secret in a header instead of signing").optional()),
                null, null));
        register(new CredentialSchema(Marketplace.SHOPIFY, List.of(
                property("shopDomain", "Shop domain", "[a-z0-9][a-z0-9-]{0,60}\\.myshopify\\.com",
                        "your-store.myshopify.com"),
                secret("adminApiAccessToken", "Admin API access token", "shpat_[A-Za-z0-9]{32}", "starts with shpat_"),
                secret("apiSecretKey", "API secret key", "(shpss_)?[A-Za-z0-9]{32,64}",
                        "the app's API secret key, verifies webhook signatures"),
                property("locationId", "Stock location ID", "(gid://shopify/Location/)?[0-9]{1,20}",
                        "the location stock is read and set at; empty = the first active location that "
                                + "fulfills online orders").optional()),
                "shopDomain", null));
        register(new CredentialSchema(Marketplace.ZALANDO, List.of(
                secret("clientId", "Client ID", TOKEN, null),
                secret("clientSecret", "Client Secret", TOKEN, null),
                property("merchantId", "Partner / merchant ID", UUID, null)),
                "merchantId", null));
        register(new CredentialSchema(Marketplace.KAUFLAND, List.of(
                secret("clientKey", "Client Key", "[a-f0-9]{32}", "32 hex characters"),
                secret("secretKey", "Secret Key", "[a-f0-9]{64}", "64 hex characters"),
                choice("storefront", "Storefront", List.of("de", "at", "cz", "sk", "pl", "fr", "it"), null),
                property("storefronts", "Further storefronts",
                        "(de|at|cz|sk|pl|fr|it)(,(de|at|cz|sk|pl|fr|it))*",
                        "comma-separated, e.g. at,cz: the connection also covers these storefronts").optional(),
                webhookToken()),
                null, null));
    }

    private CredentialSchemas() {
    }

    /** The secret path token of a callback URL, for marketplaces whose pushes carry no signature nexus can check. */
    private static CredentialField webhookToken() {
        return secret("webhookToken", "Webhook path token", WEBHOOK_SECRET, "generated by nexus when webhooks are registered")
                .optional();
    }

    private static void register(CredentialSchema schema) {
        SCHEMAS.put(schema.marketplace(), schema);
    }

    public static CredentialSchema of(Marketplace marketplace) {
        return SCHEMAS.get(marketplace);
    }

    private static List<FieldViolation> amazonRules(Map<String, String> values) {
        List<FieldViolation> violations = new ArrayList<>();
        String region = values.get("region");
        for (String id : values.get("marketplaceIds").split(",")) {
            AmazonMarketplaces.find(id.trim())
                    .filter(m -> !m.region().equals(region))
                    .ifPresent(m -> violations.add(new FieldViolation("marketplaceIds",
                            m.id() + " (" + m.countryCode() + ") belongs to region " + m.region() + ", not " + region)));
        }
        return violations;
    }

}

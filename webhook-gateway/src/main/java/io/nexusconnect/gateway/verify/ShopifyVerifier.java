package io.nexusconnect.gateway.verify;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.gateway.connections.GatewayConnection;
import io.nexusconnect.gateway.request.WebhookRequest;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Shopify: {@code X-Shopify-Hmac-Sha256} = base64(HMAC-SHA256(app client secret, raw body)), and the shop in
 * {@code X-Shopify-Shop-Domain} must be the connection's (one app secret signs for every shop that installed it).
 */
public final class ShopifyVerifier implements WebhookVerifier {
    public static final String SCHEME = "shopify-hmac-sha256";
    static final String SIGNATURE = "X-Shopify-Hmac-Sha256";
    static final String SHOP_DOMAIN = "X-Shopify-Shop-Domain";
    private static final List<String> PASSED_ON = List.of("X-Shopify-Topic", SHOP_DOMAIN, "X-Shopify-API-Version",
            "X-Shopify-Webhook-Id", "X-Shopify-Event-Id", "X-Shopify-Triggered-At");

    @Override
    public Marketplace marketplace() {
        return Marketplace.SHOPIFY;
    }

    @Override
    public Verdict verify(WebhookRequest request, GatewayConnection connection) {
        String signature = request.headers().get(SIGNATURE);
        if (signature == null) {
            return Verdict.unauthentic("no " + SIGNATURE + " header");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return Verdict.unauthentic(SIGNATURE + " is not base64");
        }
        boolean valid = false;
        for (byte[] secret : connection.secrets().keys("apiSecretKey")) {
            valid |= ConstantTime.equal(Hmac.sha256(secret, request.body()), presented);
        }
        if (!valid) {
            return Verdict.unauthentic("HMAC does not match the body");
        }
        String shop = request.headers().get(SHOP_DOMAIN);
        String expectedShop = connection.property("shopDomain") != null ? connection.property("shopDomain") : connection.accountId();
        if (shop == null || expectedShop == null || !shop.toLowerCase(Locale.ROOT).equals(expectedShop.toLowerCase(Locale.ROOT))) {
            return new Verdict.Rejected(Verdict.Rejection.NOT_THIS_CONNECTION, "shop domain is not the connection's");
        }
        return new Verdict.Verified(request.headers().get("X-Shopify-Topic"), request.headers().get("X-Shopify-Webhook-Id"),
                request.headers().select(PASSED_ON), SCHEME);
    }
}

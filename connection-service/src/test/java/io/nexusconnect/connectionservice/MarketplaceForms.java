package io.nexusconnect.connectionservice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A valid credential form of every marketplace, with secrets unique per call. */
final class MarketplaceForms {
    private MarketplaceForms() {
    }

    static Map<String, String> valid(String marketplace) {
        Map<String, String> f = new LinkedHashMap<>();
        switch (marketplace) {
            case "amazon" -> {
                f.putAll(Fixtures.amazonFields());
                f.put("sellerCentralUrl", "https://sellercentral.amazon.com");
            }
            case "bol" -> {
                f.put("clientId", "bol-client-" + hex(16));
                f.put("clientSecret", "bol-secret-" + hex(32));
            }
            case "ebay" -> {
                f.put("appId", "NexusCon-Store-PRD-" + hex(9) + "-" + hex(8));
                f.put("devId", UUID.randomUUID().toString());
                f.put("certId", "PRD-" + hex(12) + "-" + hex(4));
                f.put("userToken", "v^1.1#i^1#f^0#p^3#r^1#t^" + hex(40));
                f.put("refreshToken", "v^1.1#i^1#r^1#f^0#p^3#t^" + hex(40));
                f.put("notificationVerificationToken", "nexus_verification_" + hex(24));
            }
            case "walmart" -> {
                f.put("clientId", "walmart-client-" + hex(12));
                f.put("clientSecret", "walmart-secret-" + hex(24));
            }
            case "shopify" -> {
                f.put("shopDomain", "nexus-" + hex(6) + ".myshopify.com");
                f.put("adminApiAccessToken", "shpat_" + hex(32));
                f.put("apiSecretKey", "shpss_" + hex(32));
            }
            case "zalando" -> {
                f.put("clientId", "zalando-client-" + hex(12));
                f.put("clientSecret", "zalando-secret-" + hex(32));
                f.put("merchantId", UUID.randomUUID().toString());
            }
            case "kaufland" -> {
                f.put("clientKey", hex(32));
                f.put("secretKey", hex(64));
                f.put("storefront", "cz");
            }
            default -> throw new IllegalArgumentException(marketplace);
        }
        return f;
    }

    static String hex(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append("0123456789abcdef".charAt(ThreadLocalRandom.current().nextInt(16)));
        }
        return out.toString();
    }
}

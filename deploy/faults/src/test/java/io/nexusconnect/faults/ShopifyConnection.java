package io.nexusconnect.faults;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.model.SimOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's demo shop connected through the REST API: synced by adapter-shopify, and the connection the signed
 * webhooks are addressed to (its {@code apiSecretKey} signs them). Creating it starts its first cycle.
 */
record ShopifyConnection(String id, String apiSecretKey) {
    static final String API_SECRET_KEY = "shpss_" + "f4017e5a1c0de5ec2e7fa0175e11ab1e";

    static ShopifyConnection create(ConnectionsClient api) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("shopDomain", ShopifySimulator.DEMO.myshopifyDomain());
        fields.put("adminApiAccessToken", ShopifySimulator.DEMO.accessToken());
        fields.put("apiSecretKey", API_SECRET_KEY);
        String id = api.create("shopify", "Faults Shopify", fields).path("id").asText();
        return new ShopifyConnection(id, API_SECRET_KEY);
    }

    /** The values that must never show up in a log. */
    static List<String> secrets() {
        return List.of(API_SECRET_KEY, ShopifySimulator.DEMO.accessToken());
    }

    String shopDomain() {
        return ShopifySimulator.DEMO.myshopifyDomain();
    }

    /** The keys the shop's orders must have on {@code nexus.orders.v1}. */
    List<String> orderKeys(ShopifySimulator simulator) {
        return simulator.store().orders().stream().map(SimOrder::id).map(orderId -> Topics.recordKey(id, orderId)).toList();
    }

    ShopifyWebhooks webhooks(String gatewayUrl) {
        return new ShopifyWebhooks(gatewayUrl, id, shopDomain(), apiSecretKey);
    }
}

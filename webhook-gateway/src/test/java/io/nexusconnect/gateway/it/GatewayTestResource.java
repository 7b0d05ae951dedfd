package io.nexusconnect.gateway.it;

import io.nexusconnect.gateway.support.EbayNotificationKeys;
import io.nexusconnect.testinfra.SharedInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/** The JVM's shared broker, and eBay's key service on 127.0.0.1, for the one gateway app all test classes share. */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {
    static final EbayNotificationKeys EBAY = new EbayNotificationKeys();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(SharedInfra.quarkusConfig());
        config.put("nexus.gateway.ebay.production-base-url", EBAY.baseUrl());
        config.put("nexus.gateway.ebay.sandbox-base-url", EBAY.baseUrl());
        return config;
    }

    @Override
    public void stop() {
        // the key server lives as long as the JVM: the next test class may run in the same app
    }
}

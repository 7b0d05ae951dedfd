package io.nexusconnect.local.demo;

import io.nexusconnect.sims.amazon.AmazonSimConfig;
import io.nexusconnect.sims.amazon.AmazonSimulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Amazon part of the demo: the simulator of {@code ./nexus local} and the seller it plays, as a connection's form. */
public final class AmazonDemo {
    private AmazonDemo() {
    }

    /** The simulator of {@code ./nexus local}: SP-API + LWA on {@code port}, its static sandbox on {@code port + 1}. */
    public static AmazonSimulator startSimulator(int port, int orders, double speedFactor) {
        return AmazonSimulator.start(AmazonSimConfig.builder().port(port).sandboxPort(port + 1).orders(orders)
                .speedFactor(speedFactor).build());
    }

    /** The seller the simulator plays, as the credential fields of a new Amazon connection. */
    static Map<String, String> demoFields() {
        AmazonSimulator.DemoIdentity demo = AmazonSimulator.DEMO;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("lwaClientId", demo.lwaClientId());
        fields.put("lwaClientSecret", demo.lwaClientSecret());
        fields.put("refreshToken", demo.refreshToken());
        fields.put("sellingPartnerId", demo.sellingPartnerId());
        fields.put("marketplaceIds", demo.marketplaceId());
        fields.put("region", demo.region());
        return fields;
    }
}

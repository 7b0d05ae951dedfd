package io.nexusconnect.local.demo;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.local.process.ServiceProcess;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One marketplace of {@code ./nexus local}, started: its simulator in the launcher's JVM, the spec of its adapter,
 * and the credential form of its demo connection (the simulator's demo account).
 *
 * @param baseUrl     the simulator's API base
 * @param description what the simulator is and where, for the start-up log
 * @param requests    how many requests the simulator has served so far
 * @param webhooks    how the simulator pushes webhooks for the demo connection
 */
public record DemoMarketplace(Marketplace marketplace, String label, AutoCloseable simulator, String baseUrl,
                              String description,
                              Map<String, String> fields, LongSupplier requests, ServiceProcess.Spec adapter,
                              WebhookPushes webhooks)
        implements AutoCloseable {

    public DemoMarketplace {
        fields = Map.copyOf(fields);
    }

    @Override
    public void close() throws Exception {
        simulator.close();
    }

    /** Names the simulator only: the fields hold the demo account's secrets. */
    @Override
    public String toString() {
        return "DemoMarketplace[" + marketplace.id() + ", " + description + "]";
    }
}

package io.nexusconnect.testinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource handing a service the JVM's shared Kafka broker and PostgreSQL server. Nothing is stopped
 * here: the next test class reuses the same servers, and {@link SharedInfra} stops them with the JVM.
 */
public class NexusInfraResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return SharedInfra.quarkusConfig();
    }

    @Override
    public void stop() {
        // shared per JVM; see SharedInfra
    }
}

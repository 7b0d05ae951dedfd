package io.nexusconnect.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.amazon.AmazonSimConfig;
import io.nexusconnect.sims.amazon.AmazonSimulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The demo of {@code ./nexus local}: the Amazon seller the simulator plays is connected (once; a restart finds the
 * connection again), Sync Now is pressed, and the connection's card and sync history are shown as they change.
 */
public final class AmazonDemo {
    public static final String TENANT = "demo";
    public static final String LABEL = "Amazon US (simulator)";
    private static final Duration REFRESH = Duration.ofSeconds(3);
    private static final int HISTORY_ROWS = 8;

    private final ConnectionsClient client;
    private final AmazonSimulator simulator;
    private final Consumer<String> step;
    private final BooleanSupplier stopping;

    /**
     * @param step     prints a timestamped progress line
     * @param stopping true once Ctrl-C was pressed: the loop ends quietly
     */
    public AmazonDemo(String connectionServiceUrl, String bearerToken, AmazonSimulator simulator, Consumer<String> step,
                      BooleanSupplier stopping) {
        this.client = new ConnectionsClient(connectionServiceUrl, bearerToken);
        this.simulator = simulator;
        this.step = step;
        this.stopping = stopping;
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

    /** Runs until {@code stopping} turns true. */
    public void run() {
        JsonNode existing = client.findByLabel("amazon", LABEL).orElse(null);
        String id;
        if (existing == null) {
            id = client.create("amazon", LABEL, demoFields()).path("id").asText();
            step.accept("demo connection created: " + id + " (" + LABEL + ", seller " + AmazonSimulator.DEMO.sellerName() + ")");
        } else {
            id = existing.path("id").asText();
            step.accept("demo connection found: " + id + " (" + LABEL + ")");
        }
        client.syncNow(id);
        step.accept("Sync Now pressed; refreshing every " + REFRESH.toSeconds() + " s (Ctrl-C stops everything)");

        String shown = "";
        boolean wasActive = false;
        while (!stopping.getAsBoolean()) {
            try {
                JsonNode connection = client.get(id);
                JsonNode history = client.syncHistory(id, HISTORY_ROWS);
                String view = StatusView.render(connection, history);
                if (!view.equals(shown)) {
                    step.accept("demo connection " + id + " (simulator served " + simulator.requestCount() + " requests)");
                    System.out.print(view);
                    shown = view;
                }
                boolean active = "active".equals(StatusView.status(connection));
                if (active && !wasActive) {
                    step.accept("demo connection is active");
                }
                wasActive = active;
            } catch (RuntimeException e) {
                if (!stopping.getAsBoolean()) {
                    step.accept("(status not available: " + e.getMessage() + ")");
                }
            }
            sleep(REFRESH);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

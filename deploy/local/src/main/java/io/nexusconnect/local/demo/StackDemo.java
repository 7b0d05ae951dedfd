package io.nexusconnect.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The demo of {@code ./nexus local}: one connection per running marketplace, created through the REST API for the
 * simulator's demo account (once: a restart finds them again and presses Sync Now), then a compact table of all of
 * them, refreshed in place on a terminal (printed again when it changed otherwise).
 */
public final class StackDemo {
    public static final String TENANT = "demo";
    private static final Duration REFRESH = Duration.ofSeconds(3);
    /** Webhooks each simulator that pushes sends once every connection is active. */
    private static final int DEMO_PUSHES = 3;

    private final ConnectionsClient client;
    private final List<DemoMarketplace> marketplaces;
    private final WebhookCounts webhooks;
    private final String gatewayBaseUrl;
    private final Consumer<String> step;
    private final BooleanSupplier stopping;
    private final Runnable onAllActive;
    private final boolean terminal = System.console() != null;

    /**
     * @param step     prints a timestamped progress line
     * @param stopping true once Ctrl-C was pressed: the loop ends quietly
     * @param onAllActive run once, when every connection is active for the first time
     */
    public StackDemo(String connectionServiceUrl, String bearerToken, List<DemoMarketplace> marketplaces,
                     WebhookCounts webhooks, String gatewayBaseUrl, Consumer<String> step, BooleanSupplier stopping, Runnable onAllActive) {
        this.client = new ConnectionsClient(connectionServiceUrl, bearerToken);
        this.marketplaces = List.copyOf(marketplaces);
        this.webhooks = webhooks;
        this.gatewayBaseUrl = gatewayBaseUrl;
        this.step = step;
        this.stopping = stopping;
        this.onAllActive = onAllActive;
    }

    /** Runs until {@code stopping} turns true. */
    public void run() {
        Map<DemoMarketplace, String> connections = new LinkedHashMap<>();
        for (DemoMarketplace marketplace : marketplaces) {
            connections.put(marketplace, connect(marketplace));
        }
        step.accept(connections.size() + " demo connection(s) syncing; the table refreshes every " + REFRESH.toSeconds()
                + " s (Ctrl-C stops everything)");
        String shown = "";
        int shownLines = 0;
        boolean allActive = false;
        boolean reported = false;
        while (!stopping.getAsBoolean()) {
            try {
                List<StatusTable.Row> rows = rows(connections);
                String table = StatusTable.render(rows);
                boolean active = rows.stream().allMatch(StatusTable::active);
                if (terminal) {
                    // redraw in place: up over the last table, clear to the end of the screen
                    System.out.print((shownLines > 0 ? "\033[" + shownLines + "A\033[J" : "") + header(rows) + table);
                    shownLines = (int) (header(rows) + table).lines().count();
                } else if (!table.equals(shown)) {
                    System.out.print(header(rows) + table);
                }
                shown = table;
                if (active && !reported) {
                    onAllActive.run();
                    pushWebhooks(connections);
                    reported = true;
                    shownLines = 0;
                } else if (active && !allActive) {
                    step.accept("every demo connection is active again");
                    shownLines = 0;
                }
                allActive = active;
            } catch (RuntimeException e) {
                if (!stopping.getAsBoolean()) {
                    step.accept("(status not available: " + e.getMessage() + ")");
                    shownLines = 0;
                }
            }
            sleep(REFRESH);
        }
    }

    /** Has each simulator that pushes send a few signed webhooks for its demo connection through the gateway. */
    private void pushWebhooks(Map<DemoMarketplace, String> connections) {
        connections.forEach((marketplace, id) -> {
            int pushed = marketplace.webhooks().push(id, gatewayBaseUrl, DEMO_PUSHES);
            if (pushed > 0) {
                step.accept(marketplace.marketplace().displayName() + " simulator pushed " + pushed
                        + " signed webhooks to webhook-gateway for " + id + " (the table's webhooks column)");
            }
        });
    }

    /** The demo account's connection: found by its label, or created and so synced for the first time. */
    private String connect(DemoMarketplace marketplace) {
        Marketplace id = marketplace.marketplace();
        JsonNode existing = client.findByLabel(id.id(), marketplace.label()).orElse(null);
        if (existing != null) {
            String connectionId = existing.path("id").asText();
            client.syncNow(connectionId);
            step.accept("demo connection found: " + connectionId + " (" + marketplace.label() + "), Sync Now pressed");
            return connectionId;
        }
        String connectionId = client.create(id.id(), marketplace.label(), marketplace.fields()).path("id").asText();
        step.accept("demo connection created: " + connectionId + " (" + marketplace.label() + ")");
        return connectionId;
    }

    private List<StatusTable.Row> rows(Map<DemoMarketplace, String> connections) {
        Map<Marketplace, Long> received = webhooks.counts();
        List<StatusTable.Row> rows = new ArrayList<>();
        connections.forEach((marketplace, id) -> rows.add(new StatusTable.Row(marketplace.marketplace().id(),
                client.get(id), client.syncHistory(id, 1), marketplace.requests().getAsLong(),
                received.get(marketplace.marketplace()))));
        return rows;
    }

    private static String header(List<StatusTable.Row> rows) {
        long active = rows.stream().filter(StatusTable::active).count();
        return String.format("── %d of %d demo connections active · %s ──%n", active, rows.size(),
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

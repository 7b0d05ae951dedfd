package io.nexusconnect.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The demo's terminal view of one connection, from connection-service's API: its card ({@code Connection}: status,
 * health, last and next sync, inline error) and its sync log ({@code SyncCycle} rows, newest first).
 */
final class StatusView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String ROW = "    %-8s  %-8s  %8s  %-8s  %-7s  %8s  %6s  %9s  %s%n";

    private StatusView() {
    }

    static String render(JsonNode connection, JsonNode historyPage) {
        StringBuilder view = new StringBuilder();
        view.append(String.format("  %s · status %s · health %s · last sync %s · next sync %s%s%n",
                text(connection, "label"), text(connection, "status"), text(connection, "health"),
                time(connection, "lastSyncAt"), time(connection, "nextSyncAt"),
                connection.hasNonNull("rateLimitedUntil") ? " · rate limited until " + time(connection, "rateLimitedUntil") : ""));
        JsonNode error = connection.path("error");
        if (error.isObject()) {
            view.append(String.format("  error: %s (%s) · %s%n    → %s%n", text(error, "title"), text(error, "code"),
                    text(error, "message"), text(error, "resolution")));
        }
        List<JsonNode> cycles = items(historyPage);
        if (cycles.isEmpty()) {
            view.append("  sync history: no cycle yet\n");
            return view.toString();
        }
        long total = historyPage.path("total").asLong(cycles.size());
        view.append(String.format("  sync history (%d cycle%s):%n", total, total == 1 ? "" : "s"));
        view.append(String.format(ROW, "started", "finished", "duration", "trigger", "status", "products", "orders", "inventory", "error"));
        for (JsonNode cycle : cycles) {
            JsonNode counts = cycle.path("counts");
            JsonNode cycleError = cycle.path("error");
            view.append(String.format(ROW, time(cycle, "startedAt"), time(cycle, "finishedAt"), duration(cycle),
                    text(cycle, "trigger"), text(cycle, "status"), text(counts, "products"), text(counts, "orders"),
                    text(counts, "inventory"),
                    cycleError.isObject() ? text(cycleError, "code") + ": " + text(cycleError, "message") : ""));
        }
        return view.toString();
    }

    static String status(JsonNode connection) {
        return text(connection, "status");
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new java.util.ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    private static String duration(JsonNode cycle) {
        JsonNode millis = cycle.path("durationMs");
        return millis.isNumber() ? String.format("%.1f s", millis.asLong() / 1000.0) : "";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static String time(JsonNode node, String field) {
        String value = text(node, field);
        if (value.isEmpty()) {
            return "—";
        }
        try {
            return TIME.format(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}

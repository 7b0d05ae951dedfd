package io.nexusconnect.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The demo's terminal view: one line per demo connection from connection-service's API (its card: status, health,
 * last and next sync; its newest sync cycle: outcome, duration and counts), the calls its simulator served and the
 * webhooks the gateway took for it; the error of a card in error below the table.
 */
final class StatusTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String ROW = "  %-9s %-12s %-9s %-8s %-8s %6s  %-8s %7s %7s %8s %9s %9s %8s%n";

    private StatusTable() {
    }

    /** A demo connection as last read: its card, its history's first page (size 1) and the two counters. */
    record Row(String marketplace, JsonNode card, JsonNode history, long simulatorCalls, Long webhooks) {
    }

    static String render(List<Row> rows) {
        StringBuilder view = new StringBuilder();
        view.append(String.format(ROW, "market", "status", "health", "last", "next", "cycles", "newest", "took",
                "orders", "products", "inventory", "API calls", "webhooks"));
        StringBuilder errors = new StringBuilder();
        for (Row row : rows) {
            JsonNode card = row.card();
            JsonNode newest = row.history().path("items").path(0);
            JsonNode counts = newest.path("counts");
            String status = text(card, "status") + (card.hasNonNull("rateLimitedUntil") ? " until "
                    + time(card, "rateLimitedUntil") : "");
            view.append(String.format(ROW, row.marketplace(), status, text(card, "health"), time(card, "lastSyncAt"),
                    time(card, "nextSyncAt"), row.history().path("total").asText("0"), text(newest, "status"),
                    duration(newest), text(counts, "orders"), text(counts, "products"), text(counts, "inventory"),
                    String.format("%,d", row.simulatorCalls()), row.webhooks() == null ? "?" : row.webhooks()));
            JsonNode error = card.path("error");
            if (error.isObject()) {
                errors.append(String.format("  %s: %s (%s) %s → %s%n", row.marketplace(), text(error, "title"),
                        text(error, "code"), text(error, "message"), text(error, "resolution")));
            }
        }
        return view.append(errors).toString();
    }

    static boolean active(Row row) {
        return "active".equals(text(row.card(), "status"));
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

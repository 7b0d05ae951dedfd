package io.nexusconnect.ebay.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading the {@code data} of eBay notifications tolerantly (their schemas are thin and partly undocumented). */
final class Notifications {
    private Notifications() {
    }

    /**
     * The order a notification names: {@code data.orderId}, else the first {@code orderId} found deeper in the data
     * (**Uncertain**: the captured ORDER_CONFIRMATION contract names the field but not its nesting, BEHAVIOR.md).
     */
    static Optional<String> orderId(JsonNode data) {
        JsonNode direct = data.path("orderId");
        if (direct.isTextual() && !direct.asText().isBlank()) {
            return Optional.of(direct.asText());
        }
        JsonNode found = data.findValue("orderId");
        return found != null && found.isTextual() && !found.asText().isBlank() ? Optional.of(found.asText())
                : Optional.empty();
    }

    /**
     * Whether a user notification ({@code username}, {@code userId}) is about the connection's seller: true when the
     * connection's properties name no seller ({@code username}, {@code userId}, {@code sellerId}) to compare with (a
     * cycle too many is harmless), else when one matches.
     */
    static boolean concernsSeller(JsonNode data, ConnectionSnapshot connection) {
        Set<String> seller = new HashSet<>();
        Map<String, String> properties = connection.properties() == null ? Map.of() : connection.properties();
        for (String key : new String[]{"username", "userId", "sellerId"}) {
            if (properties.get(key) != null) {
                seller.add(properties.get(key));
            }
        }
        if (seller.isEmpty()) {
            return true;
        }
        return seller.contains(data.path("username").asText("")) || seller.contains(data.path("userId").asText(""));
    }
}

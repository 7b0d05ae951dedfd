package io.nexusconnect.adapterkit.testkit;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.testinfra.KafkaTestClient;

import java.util.UUID;

/** One marketplace order as published on {@code nexus.orders.v1}, by a webhook or by a cycle, schema-checked. */
public final class TestOrders {
    private TestOrders() {
    }

    /** The order a webhook published (a record without {@code syncId}), waiting for it up to {@link TestCycles#WAIT}. */
    public static Order fromWebhook(String externalId) {
        return find(externalId, null);
    }

    /** The order the cycle {@code syncId} published. */
    public static Order ofCycle(String externalId, UUID syncId) {
        return find(externalId, syncId);
    }

    private static Order find(String externalId, UUID syncId) {
        String id = "\"externalId\":\"" + externalId + "\"";
        String cycle = syncId == null ? null : "\"syncId\":\"" + syncId + "\"";
        var record = KafkaTestClient.readUntil(Topics.ORDERS, all -> all.stream().anyMatch(r -> matches(r.value(), id, cycle)),
                TestCycles.WAIT).stream().filter(r -> matches(r.value(), id, cycle)).findFirst()
                .orElseThrow(() -> new AssertionError("no order " + externalId + (syncId == null ? " from a webhook"
                        : " of cycle " + syncId)));
        var violations = EventSchemas.strictViolations(Order.TYPE, record.value());
        if (!violations.isEmpty()) {
            throw new AssertionError("order violates its schema: " + violations);
        }
        return Json.read(record.value(), Order.class);
    }

    private static boolean matches(String value, String id, String cycle) {
        return value != null && value.contains(id) && (cycle == null ? !value.contains("\"syncId\":\"") : value.contains(cycle));
    }
}

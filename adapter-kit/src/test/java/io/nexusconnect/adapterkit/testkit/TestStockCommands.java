package io.nexusconnect.adapterkit.testkit;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.testinfra.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stock commands as the orchestrator sends them, and the dead letters an adapter writes for refused ones. */
public final class TestStockCommands {
    private TestStockCommands() {
    }

    /** One command setting every SKU to {@code quantity} (available = quantity, no buffer). */
    public static SetStock setAll(ConnectionSnapshot connection, int quantity, String... skus) {
        return new SetStock(UUID.randomUUID(), connection.connectionId(), connection.tenantId(), connection.marketplace(),
                Arrays.stream(skus).map(sku -> new SetStock.Item(sku, quantity, quantity, 0)).toList(), Instant.now(),
                connection);
    }

    /** One command with a quantity per SKU. */
    public static SetStock set(ConnectionSnapshot connection, Map<String, Integer> quantities) {
        return new SetStock(UUID.randomUUID(), connection.connectionId(), connection.tenantId(), connection.marketplace(),
                quantities.entrySet().stream().map(e -> new SetStock.Item(e.getKey(), e.getValue(), e.getValue(), 0))
                        .toList(), Instant.now(), connection);
    }

    public static void send(SetStock command) {
        KafkaTestClient.publish(Topics.stockCommands(command.marketplace()), command);
    }

    /** The dead letter of {@code command}, waiting for it up to {@link TestCycles#WAIT}. */
    public static ConsumerRecord<String, String> deadLetter(SetStock command) {
        return findDeadLetter(command).orElseThrow(() -> new AssertionError("no dead letter for " + command.key()));
    }

    public static Optional<ConsumerRecord<String, String>> findDeadLetter(SetStock command) {
        String topic = Topics.dlq(Topics.stockCommands(command.marketplace()));
        String id = command.commandId().toString();
        return KafkaTestClient.readUntil(topic, records -> records.stream().anyMatch(r -> matches(r, command, id)),
                TestCycles.WAIT).stream().filter(r -> matches(r, command, id)).findFirst();
    }

    private static boolean matches(ConsumerRecord<String, String> record, SetStock command, String id) {
        return command.key().equals(record.key()) && (record.value() == null || record.value().contains(id));
    }

    public static String reason(ConsumerRecord<String, String> deadLetter) {
        return KafkaTestClient.header(deadLetter, "dlq.reason");
    }
}

package io.nexusconnect.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.process.ServiceProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The story every marketplace's sync test tells, as a user and the topics see it: a connection created over REST,
 * the orchestrator's sync request, one successful cycle in the history, and that cycle's records on
 * {@code nexus.orders.v1}. The checks each story shares (credentials masked, exactly once per key, a line's prices,
 * the counts, every contract, no secret in events or logs) are methods here; what is particular to a marketplace
 * stays in its test.
 */
final class FirstSync {
    private static final Duration ADAPTER_READY_TIMEOUT = Duration.ofMinutes(3);

    final JsonNode created;
    final String connectionId;
    final SyncWatch watch;
    final JsonNode cycle;
    final String syncId;
    /** The order records of {@link #cycle}, in topic order. */
    final List<ConsumerRecord<String, String>> orders;
    private final E2eStack stack;
    private final List<String> secrets;

    private FirstSync(E2eStack stack, JsonNode created, SyncWatch watch, JsonNode cycle,
                      List<ConsumerRecord<String, String>> orders, List<String> secrets) {
        this.stack = stack;
        this.created = created;
        this.connectionId = created.path("id").asText();
        this.watch = watch;
        this.cycle = cycle;
        this.syncId = cycle.path("syncId").asText();
        this.orders = orders;
        this.secrets = List.copyOf(secrets);
    }

    /** An adapter beside the shared stack, as a process of its own, once it is ready. */
    static ServiceProcess startAdapter(ServiceProcess.Spec spec) {
        ServiceProcess adapter = ServiceProcess.start(spec);
        adapter.awaitReady(ADAPTER_READY_TIMEOUT);
        return adapter;
    }

    /**
     * A platform team adds a connection with {@code fields}; returns once the history shows its first cycle finished,
     * having checked that the answer masks every secret, that there is exactly one cycle, a success, and that its
     * order count is what is on the topic.
     */
    static FirstSync ofNewConnection(E2eStack stack, Marketplace marketplace, String label, Map<String, String> fields,
                                     List<String> secrets) {
        JsonNode created = stack.client().create(marketplace.id(), label, fields);
        secrets.forEach(secret -> assertThat(created.toString()).doesNotContain(secret));
        String id = created.path("id").asText();
        String requests = Topics.syncRequests(marketplace);
        await("sync request on " + requests).atMost(SyncWatch.CYCLE_TIMEOUT)
                .until(() -> TopicAudit.valuesOf(requests, id), values -> !values.isEmpty());
        SyncWatch watch = new SyncWatch(stack.client(), id);
        JsonNode cycle = watch.awaitNewestFinished();
        assertThat(cycle.path("status").asText()).as("cycle %s", cycle).isEqualTo("success");
        assertThat(watch.cycles()).hasSize(1);
        String syncId = cycle.path("syncId").asText();
        List<ConsumerRecord<String, String>> orders = TopicAudit.recordsOf(Topics.ORDERS, id).stream()
                .filter(r -> syncId.equals(TopicAudit.json(r.value()).path("syncId").asText()))
                .toList();
        assertThat(cycle.path("counts").path("orders").asLong()).as("orders in the history").isEqualTo(orders.size());
        return new FirstSync(stack, created, watch, cycle, orders, secrets);
    }

    /** Each of the marketplace's orders {@code externalIds} is on {@code nexus.orders.v1} once for the cycle, no other. */
    void assertEachOrderOnce(Collection<String> externalIds) {
        Set<String> expected = externalIds.stream().map(this::key).collect(Collectors.toSet());
        assertThat(expected).as("distinct orders expected").hasSize(externalIds.size());
        assertThat(orders).as("order records of cycle " + syncId).hasSize(expected.size());
        assertThat(orders.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(expected);
    }

    String key(String externalId) {
        return Topics.recordKey(connectionId, externalId);
    }

    /** The published order of the cycle with {@code externalId}. */
    JsonNode order(String externalId) {
        return orders.stream().map(r -> TopicAudit.json(r.value()))
                .filter(o -> o.path("externalId").asText().equals(externalId)).findFirst()
                .orElseThrow(() -> new AssertionError("no order " + externalId + " in cycle " + syncId));
    }

    /** The order's first line has {@code quantity} units at {@code unitPrice}, {@code lineTotal} in {@code currency}. */
    void assertFirstLine(String externalId, int quantity, BigDecimal unitPrice, BigDecimal lineTotal, String currency) {
        assertLine(order(externalId).path("lines").path(0), quantity, unitPrice, lineTotal, currency);
    }

    /** The same for the order's line {@code lineId}, where the marketplace does not promise the lines' order. */
    void assertLine(String externalId, String lineId, int quantity, BigDecimal unitPrice, BigDecimal lineTotal,
                    String currency) {
        JsonNode order = order(externalId);
        JsonNode line = java.util.stream.StreamSupport.stream(order.path("lines").spliterator(), false)
                .filter(l -> lineId.equals(l.path("lineId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + lineId + " in " + order));
        assertLine(line, quantity, unitPrice, lineTotal, currency);
    }

    private static void assertLine(JsonNode line, int quantity, BigDecimal unitPrice, BigDecimal lineTotal,
                                   String currency) {
        assertThat(line.path("quantity").asInt()).as("quantity of %s", line).isEqualTo(quantity);
        assertThat(new BigDecimal(line.path("unitPrice").path("amount").asText())).isEqualByComparingTo(unitPrice);
        assertThat(new BigDecimal(line.path("lineTotal").path("amount").asText())).isEqualByComparingTo(lineTotal);
        assertThat(line.path("lineTotal").path("currency").asText()).isEqualTo(currency);
    }

    /**
     * Every event about the connection honours its contract, and no secret is in them or in the logs of the stack
     * and of {@code adapters}; returns the records audited per topic.
     */
    Map<String, Integer> assertContractsAndNoSecrets(ServiceProcess... adapters) {
        Map<String, Integer> audited = TopicAudit.assertContractsAndNoSecrets(connectionId, secrets);
        List<Path> logs = new ArrayList<>(stack.logFiles());
        for (ServiceProcess adapter : adapters) {
            logs.add(adapter.process().logFile());
        }
        TopicAudit.assertLogsFreeOf(logs, secrets);
        return audited;
    }

    /** One line for the build log: what the cycle did and how long it took. */
    void report(String story, Map<String, Integer> audited, Object simulatorCounts) {
        System.out.printf("e2e %s: %d orders in cycle %s (%s ms), records audited per topic %s, simulator %s%n",
                story, orders.size(), syncId, cycle.path("durationMs").asText(), audited, simulatorCounts);
    }

    /** Stops what a test started beside the stack, newest first; a null is skipped. */
    static void closeAll(AutoCloseable... started) throws Exception {
        for (AutoCloseable closeable : started) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }
}

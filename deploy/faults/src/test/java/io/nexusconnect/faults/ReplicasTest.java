package io.nexusconnect.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.faults.DatabaseRestartTest.Edit;
import io.nexusconnect.faults.ShopifyWebhooks.Answer;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.process.Await;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Order(6)
@ExtendWith(FaultStackExtension.class)
@DisplayName("Fault: two replicas of connection-service, sync-orchestrator and webhook-gateway, one of each killed")
class ReplicasTest {
    private static final String GATEWAY = FaultStack.WEBHOOK_GATEWAY;
    private static final String ORCHESTRATOR = NexusServices.SYNC_ORCHESTRATOR;
    private static final String CONNECTIONS = NexusServices.CONNECTION_SERVICE;
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);

    @Test
    @DisplayName("With one gateway killed under load no acknowledged webhook is lost; with the owning orchestrator "
            + "killed a Sync Now still runs, and no cycle attempt is ever requested twice; with one connection-service "
            + "killed the other serves the API and publishes every change once")
    void theOtherReplicasCarryOn(FaultStack stack) {
        // given: the shop's connection and a second replica of each service
        ShopifyConnection connection = stack.shopifyConnection();
        stack.startSecondReplicas(List.of(CONNECTIONS, ORCHESTRATOR, GATEWAY));

        gatewayKilledUnderLoad(stack, connection);
        orchestratorOwnerKilled(stack, connection);
        connectionServiceKilled(stack, connection);
    }

    /** Deliveries go to both gateways; one refused at the socket goes to the other, as a load balancer retries. */
    private static void gatewayKilledUnderLoad(FaultStack stack, ShopifyConnection connection) {
        List<ShopifyWebhooks> gateways = List.of(connection.webhooks(stack.service(GATEWAY).baseUrl()),
                connection.webhooks(stack.service(GATEWAY + "-2").baseUrl()));
        gateways.forEach(gateway -> Webhooks.awaitKnown(gateway, "replica-probe"));
        String run = "replicas-" + System.nanoTime();
        try (Senders<Answer> senders = Senders.start(4, (client, n) -> {
            String id = run + "-" + client + "-" + n;
            Answer answer = gateways.get(client % 2).send(id);
            return answer.status() == 0 ? gateways.get((client + 1) % 2).send(id) : answer;
        })) {
            await("deliveries before the kill").atMost(PHASE_TIMEOUT).until(() -> senders.count(Webhooks::accepted) >= 200);
            stack.kill(GATEWAY);
            long acceptedAtKill = senders.count(Webhooks::accepted);
            await("deliveries after the kill").atMost(PHASE_TIMEOUT)
                    .until(() -> senders.count(Webhooks::accepted) >= acceptedAtKill + 200);
            List<Answer> answers = senders.stop();

            List<String> published = Webhooks.publishedEventIds(stack, connection, Marketplace.SHOPIFY).stream()
                    .filter(id -> id.startsWith(run)).toList();
            Set<String> accepted = answers.stream().filter(Webhooks::accepted).map(Answer::webhookId).collect(Collectors.toSet());
            Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
            Tally tally = Tally.of("gateway replica kill", accepted, published)
                    .print("(answers by status " + statuses + "; a duplicate is a delivery stored by the killed gateway "
                            + "whose answer never left it, stored again by the other)");
            assertThat(tally.lost()).as("2xx deliveries missing from the topic").isZero();
            assertThat(statuses.keySet()).as("every delivery answered 200 by one of the two").containsOnly(200);
        }
    }

    /** The replica owning the connection's partition is killed; the other takes the partition over. */
    private static void orchestratorOwnerKilled(FaultStack stack, ShopifyConnection connection) {
        // right after the second replica joined, the partitions settle: wait until exactly one replica owns the connection
        List<String> owners = await("one orchestrator replica owning the connection").atMost(PHASE_TIMEOUT)
                .until(() -> List.of(ORCHESTRATOR, ORCHESTRATOR + "-2").stream()
                        .filter(name -> Await.httpOk(stack.service(name).baseUrl() + "/orchestrator/connections/" + connection.id()))
                        .toList(), found -> found.size() == 1);
        String owner = owners.getFirst();
        SyncHistory history = new SyncHistory(stack.api(), connection.id());
        Set<String> cyclesBefore = history.cycles().stream().map(c -> c.path("syncId").asText()).collect(Collectors.toSet());
        stack.kill(owner);
        stack.api().syncNow(connection.id());

        JsonNode cycle = history.awaitCycle("a successful Sync Now after the owner was killed", PHASE_TIMEOUT,
                c -> SyncHistory.succeeded(c) && !cyclesBefore.contains(c.path("syncId").asText()));
        List<String> requests = stack.topics().recordsOf(Topics.syncRequests(Marketplace.SHOPIFY), connection.id()).stream()
                .map(r -> TopicReader.json(r.value())).map(r -> r.path("syncId").asText() + "#" + r.path("attempt").asInt())
                .toList();
        // what the history says ran: each cycle with attempts 1..its last
        List<String> ran = history.cycles().stream().flatMap(c -> IntStream
                .rangeClosed(1, c.path("attempt").asInt()).mapToObj(a -> c.path("syncId").asText() + "#" + a)).toList();
        Tally tally = Tally.of("orchestrator kill", ran, requests).print("(killed " + owner + ", the owner; Sync Now "
                + cycle.path("syncId").asText() + " ran on the other; sent = cycle attempts in the history, arrived = "
                + "their requests on " + Topics.syncRequests(Marketplace.SHOPIFY) + ")");
        assertThat(requests).contains(cycle.path("syncId").asText() + "#" + cycle.path("attempt").asInt());
        assertThat(tally.lost()).isZero();
        assertThat(tally.unexpected()).as("requests of cycles the history does not know").isZero();
        assertThat(requests).as("cycle attempts requested twice").doesNotHaveDuplicates();
    }

    /** The first replica is killed; the API of the second takes edits and its relay publishes them. */
    private static void connectionServiceKilled(FaultStack stack, ShopifyConnection connection) {
        int before = stack.topics().recordsOf(Topics.CONNECTIONS, connection.id()).size();
        stack.kill(CONNECTIONS);
        String url = stack.service(CONNECTIONS + "-2").baseUrl() + "/api/connections/" + connection.id();
        HttpClient http = HttpClient.newHttpClient();
        String run = "replica-edit-" + System.nanoTime();
        List<Edit> edits = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            edits.add(DatabaseRestartTest.patchLabel(http, url, stack.bearerToken(), run + "-" + n));
        }
        String last = edits.getLast().label();
        await("the last label on " + Topics.CONNECTIONS).atMost(PHASE_TIMEOUT).until(() ->
                DatabaseRestartTest.labels(stack.topics().recordsOf(Topics.CONNECTIONS, connection.id())).contains(last));
        List<ConsumerRecord<String, String>> records = stack.topics().recordsOf(Topics.CONNECTIONS, connection.id());
        List<ConsumerRecord<String, String>> ofThisRun = records.subList(before, records.size());
        List<String> labels = DatabaseRestartTest.labels(ofThisRun);
        Set<String> committed = edits.stream().filter(Edit::committed).map(Edit::label).collect(Collectors.toSet());
        Tally tally = Tally.of("connection-service kill", committed, DatabaseRestartTest.labelChanges(labels))
                .print("(" + edits.stream().collect(Collectors.groupingBy(Edit::status, Collectors.counting()))
                        + " from the surviving replica; " + ofThisRun.size() + " records)");
        assertThat(edits).as("every edit answered by the surviving replica").allMatch(Edit::committed);
        assertThat(tally.lost()).isZero();
        assertThat(ofThisRun.stream().map(TopicReader::ceId).toList()).as("outbox events published twice")
                .doesNotHaveDuplicates();
    }
}

package io.nexusconnect.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.faults.DatabaseRestartTest.Edit;
import io.nexusconnect.faults.WebhookSender.Answer;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.process.Await;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    /** Connections scheduled by the two orchestrators, each in a tenant of its own. */
    private static final int CONNECTIONS_SCHEDULED = Integer.getInteger("nexus.faults.scheduled-connections", 24);
    /** Every connection's sync interval in this scenario (the orchestrators' interval override). */
    private static final Duration INTERVAL = Duration.ofSeconds(Long.getLong("nexus.faults.sync-interval-seconds", 20));
    /** The request times are the orchestrator's clock at its tick; a cycle is due an interval after the last request. */
    private static final Duration GAP_TOLERANCE = Duration.ofMillis(200);

    @Test
    @DisplayName("With one gateway killed under load no acknowledged webhook is lost; with one orchestrator killed "
            + "while it schedules many connections the other schedules every one of them again, no cycle attempt twice "
            + "and none before its interval, and a Sync Now still runs; with one connection-service killed the other "
            + "serves the API and publishes every change once")
    void theOtherReplicasCarryOn(FaultStack stack) {
        // given: the shop's connection, many more connections syncing at a short interval, and two replicas of each service
        ShopifyConnection connection = stack.shopifyConnection();
        stack.reconfigure(ORCHESTRATOR, Map.of("NEXUS_ORCHESTRATOR_INTERVAL_OVERRIDE", INTERVAL.toSeconds() + "s"));
        ScheduledCycles many = ScheduledCycles.connect(stack, "faults-replicas", CONNECTIONS_SCHEDULED);
        stack.startSecondReplicas(List.of(CONNECTIONS, ORCHESTRATOR, GATEWAY));

        gatewayKilledUnderLoad(stack, connection);
        orchestratorKilledWhileScheduling(stack, connection, many);
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

    /**
     * The replica owning the shop's connection is killed while both schedule the many connections' cycles; the other
     * takes its partitions over, runs a Sync Now of the shop, and schedules every connection again, each cycle once and
     * none sooner than its interval after the one before.
     */
    private static void orchestratorKilledWhileScheduling(FaultStack stack, ShopifyConnection connection, ScheduledCycles many) {
        String firstRound = "every connection requested at least twice (its first cycle and a scheduled one)";
        await(firstRound).atMost(PHASE_TIMEOUT).pollInterval(Duration.ofSeconds(2))
                .until(() -> ScheduledCycles.requestedAfter(many.requests(), Instant.EPOCH, 2).size() == many.connectionIds().size());
        List<String> replicas = List.of(ORCHESTRATOR, ORCHESTRATOR + "-2");
        // right after a rebalance the partitions settle: wait until each connection has exactly one owner
        Map<String, String> owners = await("one orchestrator replica owning each connection").atMost(PHASE_TIMEOUT)
                .until(() -> owners(stack, replicas, connection.id(), many.connectionIds()), found -> found != null);
        String killed = owners.get(connection.id());
        Map<String, Long> owned = many.connectionIds().stream().collect(Collectors.groupingBy(owners::get, TreeMap::new,
                Collectors.counting()));
        assertThat(owned).as("the connections spread over both replicas' partitions").containsOnlyKeys(replicas);
        SyncHistory history = new SyncHistory(stack.api(), connection.id());
        Set<String> cyclesBefore = history.cycles().stream().map(c -> c.path("syncId").asText()).collect(Collectors.toSet());

        // when: the shop's owner is killed while cycles are being scheduled, and the seller presses Sync Now
        Instant killedAt = Instant.now();
        stack.kill(killed);
        stack.api().syncNow(connection.id());

        // then: the Sync Now runs on the other replica, and every connection is requested again after the kill
        JsonNode cycle = history.awaitCycle("a successful Sync Now after the owner was killed", PHASE_TIMEOUT,
                c -> SyncHistory.succeeded(c) && !cyclesBefore.contains(c.path("syncId").asText()));
        await("every connection requested after the kill").atMost(PHASE_TIMEOUT).pollInterval(Duration.ofSeconds(2))
                .until(() -> ScheduledCycles.requestedAfter(many.requests(), killedAt, 1).size() == many.connectionIds().size());
        List<ScheduledCycles.Request> requests = many.requests();
        Set<String> scheduledAgain = ScheduledCycles.requestedAfter(requests, killedAt, 1);
        List<ScheduledCycles.Request> repeated = ScheduledCycles.repeated(requests);
        Map<String, List<Duration>> gaps = ScheduledCycles.scheduledGaps(requests);
        List<Duration> allGaps = gaps.values().stream().flatMap(List::stream).sorted().toList();
        Duration earliest = INTERVAL.minus(GAP_TOLERANCE);
        long tooSoon = allGaps.stream().filter(gap -> gap.compareTo(earliest) < 0).count();
        Duration acrossKill = many.connectionIds().stream().filter(id -> killed.equals(owners.get(id)))
                .map(id -> gapAcross(requests, id, killedAt)).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        List<String> shopRequests = stack.topics().recordsOf(Topics.syncRequests(Marketplace.SHOPIFY), connection.id()).stream()
                .map(r -> TopicReader.json(r.value())).map(r -> r.path("syncId").asText() + "#" + r.path("attempt").asInt())
                .toList();
        new Tally("orchestrator kill", many.connectionIds().size(), scheduledAgain.size(),
                many.connectionIds().size() - scheduledAgain.size(), repeated.size(), tooSoon).print("(" + many.connectionIds().size()
                + " connections every " + INTERVAL.toSeconds() + " s, owned " + owned + "; killed " + killed + ", the shop's "
                + "owner; " + requests.size() + " cycle requests; sent = connections, arrived = scheduled again after the "
                + "kill, duplicated = (connectionId, syncId, attempt) requested twice, unexpected = a cycle sooner than the "
                + "interval after the one before; gaps between cycles min " + seconds(allGaps.getFirst()) + " / median "
                + seconds(allGaps.get(allGaps.size() / 2)) + " / max " + seconds(allGaps.getLast()) + ", longest across the "
                + "kill " + seconds(acrossKill) + "; Sync Now " + cycle.path("syncId").asText() + " ran on the other)");
        assertThat(scheduledAgain).as("connections scheduled again after the kill").containsExactlyInAnyOrderElementsOf(many.connectionIds());
        assertThat(repeated).as("cycle attempts requested twice").isEmpty();
        assertThat(tooSoon).as("cycles requested sooner than %s after the one before (a catch-up burst)", earliest).isZero();
        assertThat(shopRequests).as("the shop's cycle attempts, each requested once")
                .contains(cycle.path("syncId").asText() + "#" + cycle.path("attempt").asInt()).doesNotHaveDuplicates();
    }

    /** Each connection's owner, or null while some connection has none or two (a rebalance in progress). */
    private static Map<String, String> owners(FaultStack stack, List<String> replicas, String shop, List<String> connections) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String id : concat(shop, connections)) {
            List<String> owning = replicas.stream()
                    .filter(name -> Await.httpOk(stack.service(name).baseUrl() + "/orchestrator/connections/" + id)).toList();
            if (owning.size() != 1) {
                return null;
            }
            owners.put(id, owning.getFirst());
        }
        return owners;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** The time between a connection's last request before {@code at} and its first after. */
    private static Duration gapAcross(List<ScheduledCycles.Request> requests, String connectionId, Instant at) {
        Instant before = null;
        for (ScheduledCycles.Request request : requests) {
            if (!request.connectionId().equals(connectionId)) {
                continue;
            }
            if (request.requestedAt().isAfter(at)) {
                return before == null ? Duration.ZERO : Duration.between(before, request.requestedAt());
            }
            before = request.requestedAt();
        }
        return Duration.ZERO;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 100 / 10.0 + " s";
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

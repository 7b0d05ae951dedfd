package io.nexusconnect.faults;

import io.nexusconnect.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Order(3)
@ExtendWith(FaultStackExtension.class)
@DisplayName("Fault: PostgreSQL stopped and restarted while a connection is edited through the API")
class DatabaseRestartTest {
    private static final int EDITORS = 2;
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(2);

    /** One PATCH of the label and what the API answered (0: no answer at all). */
    record Edit(String label, int status) {
        boolean committed() {
            return status == 200;
        }
    }

    @Test
    @DisplayName("Every change the API acknowledged reaches nexus.connections.v1, each outbox event exactly once; "
            + "while the database is away the API answers 503, and no refused change shows up anywhere (an edit in flight "
            + "at the stop may be committed without its answer: in doubt, whole)")
    void everyCommittedChangeIsPublishedExactlyOnce(FaultStack stack) {
        // given: the shop's connection, edited by two users in a loop (each edit a new label)
        ShopifyConnection connection = stack.shopifyConnection();
        String run = "db-" + System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String token = stack.bearerToken();
        String url = stack.connectionServiceUrl() + "/api/connections/" + connection.id();
        int before = stack.topics().recordsOf(Topics.CONNECTIONS, connection.id()).size();
        try (Senders<Edit> editors = Senders.start(EDITORS, (editor, n) -> patchLabel(http, url, token,
                run + "-" + editor + "-" + n))) {
            await("edits before the stop").atMost(PHASE_TIMEOUT).until(() -> editors.count(Edit::committed) >= 20);

            // when: the database stops while the edits go on, and comes back once the API refused some
            stack.stopDatabase();
            await("503s while the database is away").atMost(PHASE_TIMEOUT).until(() -> editors.count(e -> e.status() == 503) >= 10);
            stack.startDatabase();
            long committedAtRestart = editors.count(Edit::committed);
            await("edits after the restart").atMost(PHASE_TIMEOUT)
                    .until(() -> editors.count(Edit::committed) >= committedAtRestart + 20);
            List<Edit> edits = editors.stop();

            // then: the relay catches up: the last acknowledged label is on the topic
            stack.awaitAllReady();
            String lastLabel = new SyncHistory(stack.api(), connection.id()).card().path("label").asText();
            assertThat(edits).as("the card shows an acknowledged label").contains(new Edit(lastLabel, 200));
            await("the last label on " + Topics.CONNECTIONS).atMost(PHASE_TIMEOUT).until(() ->
                    labels(stack.topics().recordsOf(Topics.CONNECTIONS, connection.id())).contains(lastLabel));

            // then: each outbox event once; every acknowledged label published; no refused one but those in doubt
            List<ConsumerRecord<String, String>> records = stack.topics().recordsOf(Topics.CONNECTIONS, connection.id());
            List<ConsumerRecord<String, String>> ofThisRun = records.subList(before, records.size());
            List<String> eventIds = ofThisRun.stream().map(TopicReader::ceId).toList();
            Set<String> committed = edits.stream().filter(Edit::committed).map(Edit::label).collect(Collectors.toSet());
            List<String> publishedLabels = labels(ofThisRun);
            Set<String> published = Set.copyOf(publishedLabels);
            // an edit whose COMMIT reached the database just before it stopped, but whose answer did not: it is whole
            // (one outbox event with it), but the API could only answer that it does not know (503 or no answer)
            List<Edit> inDoubt = edits.stream().filter(e -> !e.committed() && published.contains(e.label())).toList();
            Map<Integer, Long> statuses = edits.stream().collect(Collectors.groupingBy(Edit::status, Collectors.counting()));
            Tally tally = Tally.of("postgres stop/restart", committed, labelChanges(publishedLabels).stream()
                            .filter(label -> inDoubt.stream().noneMatch(e -> e.label().equals(label))).toList())
                    .print("(answers by status " + statuses + "; " + ofThisRun.size() + " records, "
                            + eventIds.stream().distinct().count() + " distinct outbox events; " + inDoubt.size()
                            + " in doubt: committed as the database stopped, answered " + inDoubt.stream().map(Edit::status).toList()
                            + ")");
            assertThat(eventIds).as("outbox events published more than once").doesNotHaveDuplicates();
            assertThat(tally.lost()).as("acknowledged changes missing from the topic").isZero();
            assertThat(inDoubt).as("refused changes published: only an edit in flight at the stop, one per editor, "
                    + "never a refused one (409)").hasSizeLessThanOrEqualTo(EDITORS).allMatch(e -> e.status() == 503 || e.status() == 0);
            assertThat(statuses.keySet()).as("answers other than 200 and 503 (409 = two editors at once)")
                    .isSubsetOf(200, 409, 503);
            assertThat(statuses.get(503)).isPositive();
            assertThat(versions(ofThisRun)).as("versions, in topic order").isSorted().doesNotHaveDuplicates();
        }
    }

    static Edit patchLabel(HttpClient http, String url, String token, String label) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"label\":\"" + label + "\"}")).build();
        try {
            return new Edit(label, http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return new Edit(label, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Edit(label, 0);
        }
    }

    static List<String> labels(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.value() != null).map(r -> TopicReader.json(r.value()).path("label").asText())
                .toList();
    }

    /** A label counts once per change: later snapshots (a status change, a sync) repeat the label they carry. */
    static List<String> labelChanges(List<String> labels) {
        List<String> changes = new ArrayList<>();
        String previous = null;
        for (String label : labels) {
            if (!Objects.equals(label, previous)) {
                changes.add(label);
            }
            previous = label;
        }
        return changes;
    }

    private static List<Long> versions(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.value() != null).map(r -> TopicReader.json(r.value()).path("version").asLong())
                .toList();
    }
}

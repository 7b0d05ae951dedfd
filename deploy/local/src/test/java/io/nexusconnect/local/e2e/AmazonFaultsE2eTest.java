package io.nexusconnect.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #2's failure story: the marketplace misbehaves in every way the simulator can, the sync history and the card
 * say what went wrong, and once it behaves again nothing is lost.
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: an Amazon connection whose marketplace misbehaves")
class AmazonFaultsE2eTest {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    @Test
    @DisplayName("Expired tokens, malformed bodies, 500s and 429s each show as a failed cycle with its error code (the raw "
            + "body for the malformed one) and an error status; after the faults clear, Sync Now brings every order "
            + "and the active status back, a transient 429 and 500 being absorbed by retries inside a successful cycle")
    void failedCyclesAreRecordedAndNothingIsLost(E2eStack stack) {
        AmazonSimulator simulator = stack.simulator();
        Faults faults = simulator.faults();
        ConnectionsClient api = stack.client();
        Map<String, String> fields = E2eStack.credentialFields(E2eStack.FAULTS_SELLER);
        List<String> secrets = E2eStack.secretsOf(fields);
        simulator.resetRateLimits();
        try {
            // given: every SP-API call is refused as if the access token had expired, even a freshly fetched one
            faults.clear();
            faults.persistent(Faults.ANY_OPERATION, Fault.expiredToken());

            // when: the connection is added (its first cycle starts at once)
            String id = api.create("amazon", "E2E faults", fields).path("id").asText();
            SyncWatch watch = new SyncWatch(api, id);

            // then: the cycle failed as token_expired and the card is in error, saying why
            JsonNode expired = watch.awaitFailedCycle("token_expired");
            assertThat(expired.path("error").path("message").asText()).isNotBlank();
            JsonNode card = watch.awaitStatus("error", "token_expired");
            assertThat(card.path("error").path("message").asText()).isNotBlank();
            assertThat(card.path("error").path("resolution").asText()).contains("Reconnect");

            // when: the answers are cut in half, and Sync Now is pressed
            persistentFault(faults, Fault.malformedJson());
            api.syncNow(id);

            // then: malformed_response, with the raw body Amazon sent, and the card follows
            JsonNode malformed = watch.awaitFailedCycle("malformed_response").path("error");
            String raw = malformed.path("rawResponse").asText();
            assertThat(raw).as("raw response of %s", malformed).startsWith("{");
            assertThatThrownBy(() -> TopicAudit.json(raw)).hasCauseInstanceOf(IOException.class);
            assertThat(malformed.path("httpStatus").asInt()).isEqualTo(200);
            watch.awaitStatus("error", "malformed_response");

            // when: every call answers 500
            persistentFault(faults, Fault.serverError(500));
            api.syncNow(id);

            // then: after the adapter's retries, marketplace_unavailable
            assertThat(watch.awaitFailedCycle("marketplace_unavailable").path("error").path("message").asText()).isNotBlank();
            watch.awaitStatus("error", "marketplace_unavailable");

            // when: every call is throttled with a Retry-After
            persistentFault(faults, Fault.rateLimit(RETRY_AFTER));
            api.syncNow(id);

            // then: rate_limited, and the card says so
            watch.awaitFailedCycle("rate_limited");
            watch.awaitStatus("rate_limited", null);

            // when: the marketplace recovers except for one 429 and one 500, and a full Sync Now is pressed (it
            // supersedes the orchestrator's waiting retry of the throttled cycle and re-reads the whole lookback)
            long throttledBefore = simulator.requestLog().count("getOrders", 429);
            long failedBefore = simulator.requestLog().count("getOrderItems", 500);
            faults.clear();
            Instant recovered = Instant.now();
            faults.next("getOrders", Fault.rateLimit(RETRY_AFTER));
            faults.next("getOrderItems", Fault.serverError(500));
            api.syncNow(id, "full");

            // then: a later cycle succeeds although the simulator served the 429 and the 500 (both rules used up) ...
            watch.awaitCycle("a successful cycle after the recovery",
                    cycle -> "success".equals(cycle.path("status").asText()));
            assertThat(faults.active()).as("transient faults still waiting to be served").isEmpty();
            assertThat(simulator.requestLog().count("getOrders", 429)).isGreaterThan(throttledBefore);
            assertThat(simulator.requestLog().count("getOrderItems", 500)).isGreaterThan(failedBefore);
            // ... and no cycle that ended after the recovery failed: the adapter's retries absorbed both
            JsonNode newest = watch.awaitNewestFinished();
            assertThat(watch.cycles()).filteredOn(cycle -> finishedAfter(cycle, recovered))
                    .isNotEmpty()
                    .allSatisfy(cycle -> assertThat(cycle.path("status").asText()).as("cycle %s", cycle).isEqualTo("success"));
            assertThat(newest.path("status").asText()).isEqualTo("success");
            assertThat(watch.cycles()).filteredOn(cycle -> finishedAfter(cycle, recovered))
                    .filteredOn(cycle -> "manual".equals(cycle.path("trigger").asText()))
                    .extracting(cycle -> cycle.path("counts").path("orders").asLong())
                    .as("orders of the full Sync Now").contains((long) E2eStack.SEEDED_ORDERS);

            // then: the card is active again, and every seeded order of the connection is on nexus.orders.v1
            JsonNode active = watch.awaitStatus("active", null);
            assertThat(active.path("error").isNull() || active.path("error").isMissingNode()).as("card %s", active).isTrue();
            Set<String> keys = TopicAudit.recordsOf(Topics.ORDERS, id).stream().map(ConsumerRecord::key)
                    .collect(Collectors.toSet());
            Set<String> seeded = stack.orderKeys(E2eStack.FAULTS_SELLER, id);
            assertThat(keys).as("order keys of the connection").isEqualTo(seeded);

            // then: every event (Sync Now commands included) honours its contract; no secret leaked
            Map<String, Integer> audited = TopicAudit.assertContractsAndNoSecrets(id, secrets);
            assertThat(audited.get(Topics.SYNC_COMMANDS)).as("Sync Now commands").isGreaterThanOrEqualTo(4);
            TopicAudit.assertLogsFreeOf(stack.logFiles(), secrets);
            System.out.printf("e2e faults: %d cycles %s, %d orders recovered, records audited per topic %s%n",
                    watch.cycles().size(), watch.cycles().stream().map(c -> c.path("status").asText() + "#"
                            + c.path("attempt").asText() + "/" + c.path("error").path("code").asText("-")).toList(),
                    keys.size(), audited);
        } finally {
            faults.clear();
        }
    }

    private static void persistentFault(Faults faults, Fault fault) {
        faults.clear();
        faults.persistent(Faults.ANY_OPERATION, fault);
    }

    /** A retried cycle keeps its syncId (one history row): when it ended says which attempt the row shows. */
    private static boolean finishedAfter(JsonNode cycle, Instant instant) {
        String finished = cycle.path("finishedAt").asText(null);
        return finished != null && Instant.parse(finished).isAfter(instant);
    }
}

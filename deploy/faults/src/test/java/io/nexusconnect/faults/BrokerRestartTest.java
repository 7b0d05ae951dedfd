package io.nexusconnect.faults;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.faults.WebhookSender.Answer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Order(2)
@ExtendWith(FaultStackExtension.class)
@DisplayName("Fault: the Kafka broker stopped and restarted while signed webhooks arrive")
class BrokerRestartTest {
    private static final int SENDERS = 4;
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(2);

    @Test
    @DisplayName("Every delivery the gateway answered 2xx is on the webhook topic afterwards; every other one was "
            + "answered 503")
    void everyAcknowledgedWebhookSurvivesTheBrokerRestart(FaultStack stack) {
        // given: the shop's connection known to the gateway, four delivery workers sending signed deliveries
        ShopifyConnection connection = stack.shopifyConnection();
        ShopifyWebhooks webhooks = connection.webhooks(stack.gatewayUrl());
        Webhooks.awaitKnown(webhooks, "broker-probe");
        String run = "broker-" + System.nanoTime();
        try (Senders<Answer> senders = Senders.start(SENDERS, (client, n) -> webhooks.send(run + "-" + client + "-" + n))) {
            await("deliveries before the stop").atMost(PHASE_TIMEOUT).until(() -> senders.count(Webhooks::accepted) >= 200);

            // when: the broker stops while the deliveries go on, and comes back once the gateway refuses some
            long acceptedBeforeStop = senders.count(Webhooks::accepted);
            stack.stopBroker();
            await("503s while the broker is away").atMost(PHASE_TIMEOUT).until(() -> senders.count(a -> a.status() == 503) >= 20);
            stack.startBroker();
            long acceptedAtRestart = senders.count(Webhooks::accepted);
            await("deliveries after the restart").atMost(PHASE_TIMEOUT)
                    .until(() -> senders.count(Webhooks::accepted) >= acceptedAtRestart + 200);
            List<Answer> answers = senders.stop();

            // then: every 2xx delivery is on nexus.webhooks.shopify.v1, every other answer is a 503
            stack.awaitAllReady();
            List<String> published = Webhooks.publishedEventIds(stack, connection, Marketplace.SHOPIFY);
            Set<String> accepted = answers.stream().filter(Webhooks::accepted).map(Answer::webhookId).collect(Collectors.toSet());
            Set<String> refused = answers.stream().filter(a -> !Webhooks.accepted(a)).map(Answer::webhookId).collect(Collectors.toSet());
            Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
            List<String> ofThisRun = published.stream().filter(id -> id.startsWith(run)).toList();
            long refusedButStored = refused.stream().filter(Set.copyOf(ofThisRun)::contains).count();
            Tally tally = Tally.of("kafka stop/restart", accepted, ofThisRun.stream().filter(accepted::contains).toList())
                    .print("(answers by status " + statuses + ", " + acceptedBeforeStop + " accepted before the stop; "
                            + refusedButStored + " answered 503 yet stored later: the marketplace's retry is the "
                            + "duplicate the consumer's dedupe absorbs)");
            assertThat(tally.lost()).as("2xx deliveries missing from the topic").isZero();
            assertThat(tally.duplicated()).as("2xx deliveries stored twice").isZero();
            assertThat(statuses.keySet()).as("answers other than 200 and 503").containsOnly(200, 503);
            assertThat(statuses.get(503)).isPositive();
        }
    }
}

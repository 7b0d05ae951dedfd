package io.nexusconnect.faults;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.faults.WebhookSender.Answer;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** What the webhook scenarios share: waiting for the gateway to know a connection, and reading what it published. */
final class Webhooks {
    private Webhooks() {
    }

    static boolean accepted(Answer answer) {
        return answer.status() >= 200 && answer.status() < 300;
    }

    /**
     * Waits until the gateway's view, fed from {@code nexus.connections.v1}, holds the connection: a genuine probe is
     * accepted. The probe is a real delivery (its id starts with {@code probe}).
     */
    static void awaitKnown(WebhookSender webhooks, String probe) {
        int[] attempt = {0};
        await("the gateway to know the " + webhooks.marketplace().id() + " connection").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> accepted(webhooks.send(probe + "-" + attempt[0]++)));
    }

    /** The marketplace event ids of every delivery of the connection on the marketplace's webhook topic, repeats kept. */
    static List<String> publishedEventIds(FaultStack stack, ShopifyConnection connection, Marketplace marketplace) {
        return publishedEventIds(stack, connection.id(), marketplace);
    }

    static List<String> publishedEventIds(FaultStack stack, String connectionId, Marketplace marketplace) {
        return stack.topics().recordsOf(marketplace.webhookTopic(), connectionId).stream()
                .map(r -> TopicReader.json(r.value()).path("eventId").asText())
                .toList();
    }
}

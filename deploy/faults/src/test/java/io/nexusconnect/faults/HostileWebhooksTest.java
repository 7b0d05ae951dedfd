package io.nexusconnect.faults;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.faults.ShopifyWebhooks.Answer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@Order(4)
@ExtendWith(FaultStackExtension.class)
@DisplayName("Fault: forged, replayed, oversized and misaddressed webhooks at volume")
class HostileWebhooksTest {
    private static final int EACH = 200;
    private static final int OVERSIZED = 40;
    private static final int OVERSIZED_BYTES = 1_500_000;

    private enum Kind { FORGED, REPLAYED, OVERSIZED, UNKNOWN_CONNECTION }

    private record Sent(Kind kind, Answer answer) {
    }

    @Test
    @DisplayName("Forged ones get 401, unknown connections 404, oversized bodies 413, replays of one delivery collapse "
            + "into a single record; nothing else is published, and no secret is in any service's log")
    void nothingHostileIsPublished(FaultStack stack) throws Exception {
        // given: the shop's connection known to the gateway, and one genuine delivery already accepted
        ShopifyConnection connection = stack.shopifyConnection();
        ShopifyWebhooks webhooks = connection.webhooks(stack.gatewayUrl());
        Webhooks.awaitKnown(webhooks, "hostile-probe");
        String run = "hostile-" + System.nanoTime();
        String genuine = run + "-genuine";
        assertThat(webhooks.send(genuine).status()).isEqualTo(200);
        int publishedBefore = Webhooks.publishedEventIds(stack, connection, Marketplace.SHOPIFY).size();

        // when: four clients send forged, replayed, oversized and misaddressed deliveries at once
        List<Sent> sent = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            List<Future<List<Sent>>> batches = List.of(
                    clients.submit(() -> repeat(EACH, n -> new Sent(Kind.FORGED, webhooks.sendForged(run + "-forged-" + n)))),
                    clients.submit(() -> repeat(EACH, n -> new Sent(Kind.REPLAYED, webhooks.send(genuine)))),
                    clients.submit(() -> repeat(OVERSIZED, n -> new Sent(Kind.OVERSIZED,
                            webhooks.sendOversized(run + "-oversized-" + n, OVERSIZED_BYTES)))),
                    clients.submit(() -> repeat(EACH, n -> new Sent(Kind.UNKNOWN_CONNECTION,
                            webhooks.sendToUnknownConnection(run + "-unknown-" + n, UUID.randomUUID().toString())))));
            for (Future<List<Sent>> batch : batches) {
                sent.addAll(batch.get());
            }
        }

        // then: each kind got its status
        Map<Kind, Map<Integer, Long>> statuses = sent.stream().collect(Collectors.groupingBy(Sent::kind,
                Collectors.groupingBy(s -> s.answer().status(), Collectors.counting())));
        assertThat(statuses.get(Kind.FORGED)).containsOnlyKeys(401);
        assertThat(statuses.get(Kind.UNKNOWN_CONNECTION)).containsOnlyKeys(404);
        assertThat(statuses.get(Kind.OVERSIZED)).containsOnlyKeys(413);
        assertThat(statuses.get(Kind.REPLAYED)).containsOnlyKeys(200);
        assertThat(sent).filteredOn(s -> s.kind() == Kind.REPLAYED)
                .allSatisfy(s -> assertThat(s.answer().body()).contains("duplicate"));

        // then: nothing was published for any of them; the genuine delivery is on the topic once
        List<String> published = Webhooks.publishedEventIds(stack, connection, Marketplace.SHOPIFY);
        List<String> ofThisRun = published.stream().filter(id -> id.startsWith(run)).toList();
        Tally tally = Tally.of("hostile webhooks", List.of(genuine), ofThisRun)
                .print("(" + sent.size() + " hostile deliveries, answers " + statuses + ", "
                        + (published.size() - publishedBefore) + " records published during the flood)");
        assertThat(ofThisRun).containsExactly(genuine);
        assertThat(published).hasSize(publishedBefore);
        assertThat(tally.lost()).isZero();

        // then: no service log holds a credential, the database password or the key ring
        for (Path log : stack.logFiles()) {
            String text = read(log);
            assertThat(text).as(log + " is a log of a service that ran").isNotEmpty();
            for (String secret : stack.secrets()) {
                assertThat(text).as(log + " must not contain a secret").doesNotContain(secret);
            }
        }
    }

    private interface Delivery {
        Sent send(int n);
    }

    private static List<Sent> repeat(int times, Delivery delivery) {
        List<Sent> sent = new ArrayList<>();
        for (int n = 0; n < times; n++) {
            sent.add(delivery.send(n));
        }
        return sent;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

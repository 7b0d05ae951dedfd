package io.nexusconnect.faults;

import io.nexusconnect.faults.WebhookSender.Answer;
import io.nexusconnect.faults.WebhookSender.Delivery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@Order(4)
@ExtendWith(FaultStackExtension.class)
@DisplayName("Fault: forged, replayed, oversized and misaddressed webhooks at volume, for every marketplace the gateway verifies")
class HostileWebhooksTest {
    private static final int EACH = 150;
    private static final int OVERSIZED = 30;
    private static final int OVERSIZED_BYTES = 1_500_000;
    /** Walmart's signed timestamp is checked against a 5 min replay window; a recorded delivery replayed 10 min later. */
    private static final Duration STALE_AGE = Duration.ofMinutes(10);
    private static final int CLIENTS = 8;

    /** Each kind of hostile delivery and the only status it may get. */
    private enum Kind {
        FORGED(401), REPLAYED(200), STALE(401), OVERSIZED(413), UNKNOWN_CONNECTION(404);

        final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private record Sent(String marketplace, Kind kind, Answer answer) {
    }

    @Test
    @DisplayName("Per marketplace (Shopify, eBay, Walmart, bol.com, Kaufland) forged deliveries get 401, unknown "
            + "connections 404, oversized bodies 413, stale Walmart signatures 401, replays of a genuine delivery "
            + "collapse into its single record; nothing else is published, and no secret is in any service's log")
    void nothingHostileIsPublished(FaultStack stack) throws Exception {
        // given: a connection per marketplace known to the gateway, and one genuine delivery of each accepted
        List<WebhookSender> senders = new ArrayList<>();
        senders.add(stack.shopifyConnection().webhooks(stack.gatewayUrl()));
        senders.addAll(stack.webhookConnections().senders());
        String run = "hostile-" + System.nanoTime();
        Map<WebhookSender, Delivery> genuine = new LinkedHashMap<>();
        Map<WebhookSender, List<String>> before = new LinkedHashMap<>();
        for (WebhookSender sender : senders) {
            Webhooks.awaitKnown(sender, "hostile-probe-" + sender.marketplace().id());
            Delivery delivery = sender.genuine(run + "-genuine-" + sender.marketplace().id());
            assertThat(sender.post(delivery).status()).as("the genuine %s delivery", sender.marketplace()).isEqualTo(200);
            genuine.put(sender, delivery);
            before.put(sender, published(stack, sender));
        }

        // when: clients send forged, replayed, stale, oversized and misaddressed deliveries to all of them at once
        List<Sent> sent = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<List<Sent>>> batches = new ArrayList<>();
            for (WebhookSender s : senders) {
                String m = s.marketplace().id();
                Delivery replayed = genuine.get(s);
                batches.add(clients.submit(() -> repeat(m, Kind.FORGED, EACH, s, n -> s.forged(run + "-forged-" + m + "-" + n))));
                batches.add(clients.submit(() -> repeat(m, Kind.REPLAYED, EACH, s, n -> replayed)));
                batches.add(clients.submit(() -> repeat(m, Kind.OVERSIZED, OVERSIZED, s,
                        n -> s.oversized(run + "-oversized-" + m + "-" + n, OVERSIZED_BYTES))));
                batches.add(clients.submit(() -> repeat(m, Kind.UNKNOWN_CONNECTION, EACH, s,
                        n -> s.toUnknownConnection(run + "-unknown-" + m + "-" + n, UUID.randomUUID().toString()))));
                if (s instanceof WalmartWebhooks walmart) {
                    batches.add(clients.submit(() -> repeat(m, Kind.STALE, EACH, s,
                            n -> walmart.stale(run + "-stale-" + n, STALE_AGE))));
                }
            }
            for (Future<List<Sent>> batch : batches) {
                sent.addAll(batch.get());
            }
        }

        // then: each kind got its status, every replay was answered as a duplicate
        Map<String, Map<Kind, Map<Integer, Long>>> statuses = sent.stream().collect(Collectors.groupingBy(Sent::marketplace,
                TreeMap::new, Collectors.groupingBy(Sent::kind, () -> new EnumMap<>(Kind.class),
                        Collectors.groupingBy(s -> s.answer().status(), TreeMap::new, Collectors.counting()))));
        statuses.forEach((marketplace, kinds) -> kinds.forEach((kind, answers) ->
                assertThat(answers).as("%s %s deliveries", marketplace, kind).containsOnlyKeys(kind.status)));
        assertThat(sent).filteredOn(s -> s.kind() == Kind.REPLAYED)
                .allSatisfy(s -> assertThat(s.answer().body()).contains("duplicate"));

        // then: nothing was published for any of them; each genuine delivery is on its topic once
        long publishedDuringFlood = 0;
        List<String> expected = new ArrayList<>();
        List<String> received = new ArrayList<>();
        for (WebhookSender sender : senders) {
            List<String> after = published(stack, sender);
            Set<String> earlier = new HashSet<>(before.get(sender));
            earlier.remove(genuine.get(sender).eventId());
            publishedDuringFlood += after.size() - before.get(sender).size();
            expected.add(genuine.get(sender).eventId());
            after.stream().filter(id -> !earlier.contains(id)).forEach(received::add);
            assertThat(after).as("%s records after the flood", sender.marketplace()).hasSameSizeAs(before.get(sender));
        }
        Tally tally = Tally.of("hostile webhooks", expected, received)
                .print("(" + sent.size() + " hostile deliveries to " + senders.size() + " marketplaces, answers "
                        + statuses + "; " + publishedDuringFlood + " records published during the flood)");
        assertThat(received).as("genuine deliveries, each once, nothing else").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(tally.lost()).isZero();

        // then: no service log holds a credential, a webhook secret, the database password or the key ring
        for (Path log : stack.logFiles()) {
            String text = read(log);
            assertThat(text).as(log + " is a log of a service that ran").isNotEmpty();
            for (String secret : stack.secrets()) {
                assertThat(text).as(log + " must not contain a secret").doesNotContain(secret);
            }
        }
    }

    private static List<Sent> repeat(String marketplace, Kind kind, int times, WebhookSender sender, IntFunction<Delivery> delivery) {
        List<Sent> sent = new ArrayList<>();
        for (int n = 0; n < times; n++) {
            sent.add(new Sent(marketplace, kind, sender.post(delivery.apply(n))));
        }
        return sent;
    }

    private static List<String> published(FaultStack stack, WebhookSender sender) {
        return Webhooks.publishedEventIds(stack, sender.connectionId(), sender.marketplace());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
